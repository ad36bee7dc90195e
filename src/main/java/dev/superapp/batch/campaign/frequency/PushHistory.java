package dev.superapp.batch.campaign.frequency;

import dev.superapp.batch.campaign.definition.Channel;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every push per recipient and channel ({@code recipient_push}), for the frequency cap. The sender records pushes in
 * the transaction that records the request IN_FLIGHT, after {@link #lockAndFindCapped} locked those recipients, so
 * two campaigns of a channel sending to one person at once are serialised on that person: the second counts the
 * first's push. Pushes the platform refused or that failed are forgotten again: nothing reached the person.
 *
 * <p>Kept only while a cap is set (the history starts when it is), and only for the window: older rows are pruned
 * when a campaign starts sending.
 */
@Repository
public class PushHistory {

    /** A recipient of the sender, as this class needs it. */
    public record Push(String campaignId, long lineNo, String recipientId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final FrequencyCapProperties cap;
    private final Clock clock;

    PushHistory(JdbcClient jdbc, JdbcTemplate jdbcTemplate, FrequencyCapProperties cap, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.cap = cap;
        this.clock = clock;
    }

    public FrequencyCapProperties cap() {
        return cap;
    }

    /**
     * Must run in the transaction that then {@link #record records} the pushes: locks each recipient's row of
     * {@code recipient_push_lock} (created the first time) until it commits, and answers which of them already had
     * {@code max} pushes within the window. Empty, and nothing locked, when there is no cap.
     */
    public Set<String> lockAndFindCapped(Channel channel, Collection<String> recipientIds) {
        if (!cap.on() || recipientIds.isEmpty()) {
            return Set.of();
        }
        // Sorted, so that two requests sharing recipients lock them in the same order. "recipient_id IN (...)" on the
        // key's first column, not row values: MariaDB scans the whole index for row values, and FOR UPDATE then locked
        // every row it passed, so requests with no recipient in common deadlocked (measured).
        List<String> ids = recipientIds.stream().distinct().sorted().toList();
        Set<String> locked = new HashSet<>(jdbc.sql("SELECT recipient_id FROM recipient_push_lock"
                        + " WHERE recipient_id IN (:ids) AND channel = :channel ORDER BY recipient_id FOR UPDATE")
                .param("channel", channel.name()).param("ids", ids).query(String.class).list());
        List<String> missing = ids.stream().filter(id -> !locked.contains(id)).toList();
        if (!missing.isEmpty()) {
            // A new row is locked by its insert; a concurrent insert of the same waits, then skips it, and locks it below.
            jdbcTemplate.batchUpdate("INSERT IGNORE INTO recipient_push_lock (recipient_id, channel) VALUES (?, ?)",
                    missing.stream().map(id -> new Object[] {id, channel.name()}).toList());
            jdbc.sql("SELECT recipient_id FROM recipient_push_lock WHERE recipient_id IN (:ids) AND channel = :channel"
                            + " ORDER BY recipient_id FOR UPDATE")
                    .param("channel", channel.name()).param("ids", missing).query(String.class).list();
        }
        Set<String> capped = new HashSet<>();
        jdbc.sql("SELECT recipient_id FROM recipient_push WHERE recipient_id IN (:ids) AND channel = :channel"
                        + " AND pushed_at > :since GROUP BY recipient_id HAVING COUNT(*) >= :max")
                .param("channel", channel.name()).param("ids", ids)
                .param("since", now().minus(cap.window())).param("max", cap.max())
                .query(rs -> {
                    capped.add(rs.getString(1));
                });
        return capped;
    }

    /**
     * Records one push per recipient, now. A line pushed before (a resend of an UNKNOWN one: it may have arrived) keeps
     * one row, at the new time: one line of a campaign counts as one push.
     */
    public void record(Channel channel, List<Push> pushes) {
        if (!cap.on() || pushes.isEmpty()) {
            return;
        }
        forget(pushes.get(0).campaignId(), pushes.stream().map(Push::lineNo).toList());
        LocalDateTime now = now();
        List<Object[]> rows = new ArrayList<>();
        for (Push push : pushes) {
            rows.add(new Object[] {push.campaignId(), push.lineNo(), channel.name(), push.recipientId(), now});
        }
        jdbcTemplate.batchUpdate("INSERT INTO recipient_push (campaign_id, line_no, channel, recipient_id, pushed_at)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
    }

    /** Drops pushes older than the window: they never count again. */
    public int prune() {
        return cap.on() ? jdbc.sql("DELETE FROM recipient_push WHERE pushed_at <= ?").param(now().minus(cap.window())).update() : 0;
    }

    /** Nothing reached these recipients (refused, or failed after retries): their pushes do not count. */
    public void forget(String campaignId, Collection<Long> lineNos) {
        if (cap.on() && !lineNos.isEmpty()) {
            List<Object[]> keys = lineNos.stream().map(line -> new Object[] {campaignId, line}).toList();
            jdbc.sql("DELETE FROM recipient_push WHERE (campaign_id, line_no) IN (:keys)").param("keys", keys).update();
        }
    }

    /**
     * For the preview: how many of the campaign's recipients still to be sent are over the cap now (they would be
     * CAPPED if their requests left at this moment); 0 when there is no cap.
     */
    public long cappedNow(String campaignId, Channel channel) {
        if (!cap.on()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM campaign_recipient r WHERE r.campaign_id = :campaign AND r.state = 'PENDING'"
                        + " AND r.chunk_no IS NULL AND (SELECT COUNT(*) FROM recipient_push p WHERE p.recipient_id = r.send_key"
                        + " AND p.channel = :channel AND p.pushed_at > :since) >= :max")
                .param("campaign", campaignId).param("channel", channel.name())
                .param("since", now().minus(cap.window())).param("max", cap.max())
                .query(Long.class).single();
    }

    /** Times are stored as UTC wall-clock values, as everywhere in the schema. */
    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
