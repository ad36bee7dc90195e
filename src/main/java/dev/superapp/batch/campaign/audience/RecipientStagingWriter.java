package dev.superapp.batch.campaign.audience;

import dev.superapp.batch.campaign.recipient.RecipientState;
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
 * PENDING, INVALID (with the reason) or DUPLICATE (naming the first line of that recipient).
 *
 * <p>Duplicates within the chunk are found with a map of its own ids; duplicates of lines staged by earlier
 * chunks are found in the database by {@link StagedRowsInsert}. Memory is bounded by the chunk, not the file.
 * Only the first valid line of a recipient gets a {@code send_key}, whose unique key makes sending anyone twice
 * impossible. The rows commit with the chunk, and the reader resumes after them.
 */
public final class RecipientStagingWriter implements ItemWriter<AudienceLine> {

    private final StagedRowsInsert rows;
    private final String campaignId;

    public RecipientStagingWriter(JdbcTemplate jdbcTemplate, JdbcClient jdbc, String campaignId) {
        this.rows = new StagedRowsInsert(jdbcTemplate, jdbc);
        this.campaignId = campaignId;
    }

    @Override
    public void write(Chunk<? extends AudienceLine> chunk) {
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
            staged.add(firstLine == null ? StagedRow.pending(line.lineNo(), id) : StagedRow.duplicate(line.lineNo(), id, firstLine));
        }
        rows.insert(campaignId, staged);
    }
}
