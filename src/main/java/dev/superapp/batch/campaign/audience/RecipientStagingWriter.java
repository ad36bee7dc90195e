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
 * <p>Duplicates within the chunk are found with a map of its own ids; duplicates of lines staged by earlier
 * chunks are found in the database by {@link StagedRowsInsert}. Memory is bounded by the chunk, not the file.
 * Only the first valid line of a recipient gets a {@code send_key}, whose unique key makes sending anyone twice
 * impossible. The rows commit with the chunk, and the reader resumes after them.
 */
public final class RecipientStagingWriter implements ItemWriter<AudienceLine> {

    /** The detail of a suppressed line, before the list's reason; the sender writes the same. */
    public static final String SUPPRESSED = "on the suppression list: ";

    private final StagedRowsInsert rows;
    private final String campaignId;
    private final SuppressionList suppressions;
    private final RecipientIdKind idKind;

    public RecipientStagingWriter(JdbcTemplate jdbcTemplate, JdbcClient jdbc, String campaignId,
                                  SuppressionList suppressions, RecipientIdKind idKind) {
        this.rows = new StagedRowsInsert(jdbcTemplate, jdbc);
        this.campaignId = campaignId;
        this.suppressions = suppressions;
        this.idKind = idKind;
    }

    @Override
    public void write(Chunk<? extends AudienceLine> chunk) {
        Map<String, String> suppressed = suppressions.reasons(idKind, chunk.getItems().stream().map(AudienceLine::value)
                .filter(id -> RecipientIdRule.problem(id) == null).distinct().toList());
        Map<String, Long> firstLines = new HashMap<>();
        List<StagedRow> staged = new ArrayList<>(chunk.size());
        for (AudienceLine line : chunk) {
            String id = line.value();
            String problem = RecipientIdRule.problem(id);
            if (problem != null) {
                staged.add(new StagedRow(line.lineNo(), RecipientIdRule.stored(id), RecipientState.INVALID, problem, null));
                continue;
            }
            Long firstLine = firstLines.putIfAbsent(id, line.lineNo());
            if (firstLine != null) {
                staged.add(StagedRow.duplicate(line.lineNo(), id, firstLine));
            } else if (suppressed.containsKey(id)) {
                // Its send_key stays, so a later line of the same recipient is reported a duplicate of this one.
                staged.add(new StagedRow(line.lineNo(), id, RecipientState.SUPPRESSED, SUPPRESSED + suppressed.get(id), id));
            } else {
                staged.add(StagedRow.pending(line.lineNo(), id));
            }
        }
        rows.insert(campaignId, staged);
    }
}
