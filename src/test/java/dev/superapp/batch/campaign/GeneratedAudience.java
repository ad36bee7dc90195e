package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A generated audience CSV of open ids with its expected staging, line by line. Every hundred rows hold an
 * empty id, a too-long one, one with a bad character, a duplicate of line 2 (so duplicates cross chunks), a
 * duplicate of the row two above, and a quoted id with a quoted, comma-holding name; a blank line follows
 * every 250th row. Row 60 is {@code USER-1}: another recipient than {@code user-1}, case matters.
 */
final class GeneratedAudience {

    private final List<String> lines = new ArrayList<>(List.of("open_id,name"));
    private final List<CampaignRecipient> expected = new ArrayList<>();
    private final List<Long> rowLines = new ArrayList<>(List.of(0L));

    GeneratedAudience(int rows) {
        for (int row = 1; row <= rows; row++) {
            add(row);
            if (row % 250 == 0) {
                lines.add("");
            }
        }
    }

    /** The file's lines; join them with LF or CRLF. */
    List<String> lines() {
        return lines;
    }

    /** Every staged row, by line, as the store reads them back before anything is sent. */
    List<CampaignRecipient> expected() {
        return expected;
    }

    Map<RecipientState, Long> counts() {
        Map<RecipientState, Long> counts = new EnumMap<>(RecipientState.class);
        for (RecipientState state : RecipientState.values()) {
            counts.put(state, expected.stream().filter(recipient -> recipient.state() == state).count());
        }
        return counts;
    }

    private void add(int row) {
        long line = lines.size() + 1;
        rowLines.add(line);
        String tooLong = "x".repeat(129);
        switch (row % 100) {
            case 7 -> add(line, "", "Empty", null, RecipientState.INVALID, "empty");
            case 13 -> add(line, tooLong, "Long", tooLong.substring(0, 128), RecipientState.INVALID,
                    "too long: 129 characters, at most 128");
            case 21 -> add(line, "user." + row, "Dot", "user." + row, RecipientState.INVALID,
                    "bad character '.' at position 5: only A-Z, a-z, 0-9, _ and - are allowed");
            case 50 -> add(line, "user-1", "Again", "user-1", RecipientState.DUPLICATE, "duplicate of line 2");
            case 51 -> add(line, "user-" + (row - 2), "Twice", "user-" + (row - 2), RecipientState.DUPLICATE,
                    "duplicate of line " + rowLines.get(row - 2));
            case 70 -> {
                lines.add("\"user-" + row + "\",\"Doe, J\"");
                expected.add(new CampaignRecipient(line, "user-" + row, RecipientState.PENDING, null, null, null));
            }
            default -> {
                String id = row == 60 ? "USER-1" : "user-" + row;
                add(line, id, "Name " + row, id, RecipientState.PENDING, null);
            }
        }
    }

    private void add(long line, String id, String name, String stored, RecipientState state, String detail) {
        lines.add(id + "," + name);
        expected.add(new CampaignRecipient(line, stored, state, detail, null, null));
    }
}
