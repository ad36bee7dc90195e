package dev.superapp.batch.campaign.audience;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts a chunk's staged rows into {@code campaign_recipient}, in the chunk's transaction, turning a row whose
 * recipient an earlier chunk already staged into a DUPLICATE of that chunk's line.
 *
 * <p>On MySQL/MariaDB with {@code allowLoadLocalInfile=true} in the URL: one {@code LOAD DATA LOCAL INFILE} whose
 * "file" is a stream this class writes from the rows (the statement names no file of anyone's; the driver sends
 * only the stream set on the statement). The server parses one tab-separated stream instead of six bound values a
 * row, and the unique key on {@code (campaign_id, send_key)} finds the duplicates of earlier chunks while
 * inserting: {@code LOAD DATA LOCAL} skips a row whose key is taken, with a warning. Those few rows are then
 * found (the chunk's lines that are not in the table), looked up and loaded again as DUPLICATE. A chunk whose
 * rows cannot all be accounted for so fails and rolls back: no line is ever lost silently.
 *
 * <p>Elsewhere (H2, or a URL without that setting): the chunk's ids are looked up first, then the rows go in as
 * one JDBC batch, which {@code rewriteBatchedStatements=true} turns into multi-row inserts on MySQL.
 */
final class StagedRowsInsert {

    private static final String INSERT = """
            INSERT INTO campaign_recipient (campaign_id, line_no, recipient_id, state, detail, send_key)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String LOAD = """
            LOAD DATA LOCAL INFILE 'staged-rows' INTO TABLE campaign_recipient CHARACTER SET utf8mb4
            FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'
            (campaign_id, line_no, recipient_id, state, detail, send_key)""";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private Boolean bulkLoad;

    StagedRowsInsert(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** @param rows in line order; those with a send key may still be duplicates of an earlier chunk's lines */
    void insert(String campaignId, List<StagedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (bulkLoad == null) {
            bulkLoad = jdbcTemplate.execute(StagedRowsInsert::bulkLoadAllowed);
        }
        if (bulkLoad) {
            loadThenResolve(campaignId, rows);
        } else {
            lookUpThenInsert(campaignId, rows);
        }
    }

    private void lookUpThenInsert(String campaignId, List<StagedRow> rows) {
        Map<String, Long> staged = firstLines(campaignId, rows.stream().map(StagedRow::sendKey).filter(key -> key != null).toList());
        List<Object[]> values = rows.stream()
                .map(row -> row.sendKey() != null && staged.containsKey(row.sendKey())
                        ? StagedRow.duplicate(row.lineNo(), row.recipientId(), staged.get(row.sendKey())) : row)
                .map(row -> new Object[] {campaignId, row.lineNo(), row.recipientId(), row.state().name(), row.detail(),
                        row.sendKey()})
                .toList();
        jdbcTemplate.batchUpdate(INSERT, values);
    }

    private void loadThenResolve(String campaignId, List<StagedRow> rows) {
        int loaded = load(campaignId, rows);
        if (loaded == rows.size()) {
            return;
        }
        Set<Long> present = new HashSet<>(jdbc.sql("SELECT line_no FROM campaign_recipient WHERE campaign_id = ?"
                        + " AND line_no BETWEEN ? AND ?")
                .params(campaignId, rows.get(0).lineNo(), rows.get(rows.size() - 1).lineNo()).query(Long.class).list());
        List<StagedRow> skipped = rows.stream().filter(row -> !present.contains(row.lineNo())).toList();
        if (skipped.size() != rows.size() - loaded || skipped.stream().anyMatch(row -> row.sendKey() == null)) {
            throw notAccountedFor(campaignId, rows, loaded);
        }
        Map<String, Long> staged = firstLines(campaignId, skipped.stream().map(StagedRow::sendKey).toList());
        List<StagedRow> duplicates = skipped.stream().map(row -> {
            Long firstLine = staged.get(row.sendKey());
            if (firstLine == null) {
                throw notAccountedFor(campaignId, rows, loaded);
            }
            return StagedRow.duplicate(row.lineNo(), row.recipientId(), firstLine);
        }).toList();
        if (load(campaignId, duplicates) != duplicates.size()) {
            throw notAccountedFor(campaignId, rows, loaded);
        }
    }

    /** The line holding each of these send keys, among the recipients already staged. */
    private Map<String, Long> firstLines(String campaignId, List<String> sendKeys) {
        Map<String, Long> firstLines = new HashMap<>();
        if (!sendKeys.isEmpty()) {
            // A row-value IN: H2 then looks up each (campaign_id, send_key) in the unique index, where
            // "campaign_id = ? AND send_key IN (...)" scanned all the campaign's rows for every chunk.
            List<Object[]> keys = sendKeys.stream().map(key -> new Object[] {campaignId, key}).toList();
            jdbc.sql("SELECT send_key, line_no FROM campaign_recipient WHERE (campaign_id, send_key) IN (:keys)")
                    .param("keys", keys)
                    .query(rs -> {
                        firstLines.put(rs.getString("send_key"), rs.getLong("line_no"));
                    });
        }
        return firstLines;
    }

    private static IllegalStateException notAccountedFor(String campaignId, List<StagedRow> rows, int loaded) {
        return new IllegalStateException("campaign " + campaignId + ": only " + loaded + " of " + rows.size()
                + " audience lines from line " + rows.get(0).lineNo() + " could be staged (is another process staging"
                + " the same campaign?); the chunk is rolled back");
    }

    private static boolean bulkLoadAllowed(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class) && connection.unwrap(JdbcConnection.class).getPropertySet()
                .getBooleanProperty(PropertyKey.allowLoadLocalInfile).getValue();
    }

    private int load(String campaignId, List<StagedRow> rows) {
        byte[] stream = stream(campaignId, rows);
        return jdbcTemplate.execute((ConnectionCallback<Integer>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(stream));
                return statement.executeUpdate(LOAD);
            }
        });
    }

    /** The rows as LOAD DATA reads them: tab-separated, {@code \N} for null, backslash escapes. */
    private static byte[] stream(String campaignId, List<StagedRow> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 64);
        for (StagedRow row : rows) {
            field(text, campaignId).append('\t').append(row.lineNo()).append('\t');
            field(text, row.recipientId()).append('\t');
            field(text, row.state().name()).append('\t');
            field(text, row.detail()).append('\t');
            field(text, row.sendKey()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder field(StringBuilder text, String value) {
        if (value == null) {
            return text.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\0' -> text.append("\\0");
                default -> text.append(c);
            }
        }
        return text;
    }
}
