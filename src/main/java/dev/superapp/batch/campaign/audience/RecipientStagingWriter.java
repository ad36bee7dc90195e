package dev.superapp.batch.campaign.audience;

import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code stageAudienceStep}'s writer: stages a chunk of audience lines in {@code campaign_recipient}, each as
 * PENDING, INVALID (with the reason), DUPLICATE (naming the first line of that recipient) or SUPPRESSED (on the
 * suppression list, with its reason; the sender checks the list again just before sending).
 *
 * <p>Duplicates are found in the database: one lookup per chunk of its ids among the recipients already
 * staged, plus a map of this chunk's own ids. Memory is bounded by the chunk, not the file. Only the first
 * valid line of a recipient gets a {@code send_key}, whose unique key makes sending anyone twice impossible.
 * The rows commit with the chunk, and the reader resumes after them.
 */
public final class RecipientStagingWriter implements ItemWriter<AudienceLine> {

    private static final String INSERT = """
            INSERT INTO campaign_recipient (campaign_id, line_no, recipient_id, state, detail, send_key)
            VALUES (?, ?, ?, ?, ?, ?)""";
    /** The detail of a suppressed line, before the list's reason; the sender writes the same. */
    public static final String SUPPRESSED = "on the suppression list: ";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final String campaignId;
    private final SuppressionList suppressions;
    private final RecipientIdKind idKind;

    public RecipientStagingWriter(JdbcTemplate jdbcTemplate, JdbcClient jdbc, String campaignId,
                                  SuppressionList suppressions, RecipientIdKind idKind) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.campaignId = campaignId;
        this.suppressions = suppressions;
        this.idKind = idKind;
    }

    @Override
    public void write(Chunk<? extends AudienceLine> chunk) {
        Map<String, Long> firstLines = stagedFirstLines(chunk);
        Map<String, String> suppressed = suppressions.reasons(idKind, validIds(chunk));
        List<Object[]> rows = new ArrayList<>(chunk.size());
        for (AudienceLine line : chunk) {
            String id = line.value();
            String problem = RecipientIdRule.problem(id);
            if (problem != null) {
                rows.add(row(line, RecipientIdRule.stored(id), RecipientState.INVALID, problem, null));
                continue;
            }
            Long firstLine = firstLines.putIfAbsent(id, line.lineNo());
            if (firstLine != null) {
                rows.add(row(line, id, RecipientState.DUPLICATE, "duplicate of line " + firstLine, null));
            } else if (suppressed.containsKey(id)) {
                // Its send_key stays, so a later line of the same recipient is reported a duplicate of this one.
                rows.add(row(line, id, RecipientState.SUPPRESSED, SUPPRESSED + suppressed.get(id), id));
            } else {
                rows.add(row(line, id, RecipientState.PENDING, null, id));
            }
        }
        jdbcTemplate.batchUpdate(INSERT, rows);
    }

    /** The first line of every valid id of this chunk that an earlier chunk already staged. */
    private Map<String, Long> stagedFirstLines(Chunk<? extends AudienceLine> chunk) {
        List<String> ids = validIds(chunk);
        Map<String, Long> firstLines = new HashMap<>();
        if (!ids.isEmpty()) {
            // A row-value IN: H2 then looks up each (campaign_id, send_key) in the unique index, where
            // "campaign_id = ? AND send_key IN (...)" scanned all the campaign's rows for every chunk.
            List<Object[]> keys = ids.stream().map(id -> new Object[] {campaignId, id}).toList();
            jdbc.sql("SELECT send_key, line_no FROM campaign_recipient WHERE (campaign_id, send_key) IN (:keys)")
                    .param("keys", keys)
                    .query(rs -> {
                        firstLines.put(rs.getString("send_key"), rs.getLong("line_no"));
                    });
        }
        return firstLines;
    }

    private static List<String> validIds(Chunk<? extends AudienceLine> chunk) {
        return chunk.getItems().stream().map(AudienceLine::value).filter(id -> RecipientIdRule.problem(id) == null)
                .distinct().toList();
    }

    private Object[] row(AudienceLine line, String recipientId, RecipientState state, String detail, String sendKey) {
        return new Object[] {campaignId, line.lineNo(), recipientId, state.name(), detail, sendKey};
    }
}
