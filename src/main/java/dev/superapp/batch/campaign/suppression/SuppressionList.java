package dev.superapp.batch.campaign.suppression;

import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.system.BoundedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recipients who must never get a push ({@code recipient_suppression}), per id kind. Staging marks them
 * SUPPRESSED, and the sender checks again in the transaction that records a request in flight, so someone suppressed
 * between staging and sending is not sent. Added by people ({@code suppress add}, the console) and by the platform's
 * refusals that mean a recipient cannot receive.
 */
@Repository
public class SuppressionList {

    /** {@code added_by} of the suppressions a platform refusal added. */
    public static final String BY_PLATFORM = "platform";

    /** Ids are looked up this many at a time: a request carries at most 50, a staging chunk 1000. */
    private static final int LOOKUP = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    SuppressionList(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /**
     * Adds the ids not on the list yet; one already on it keeps its first reason, who and when.
     *
     * @return how many were added
     */
    public int add(RecipientIdKind kind, Collection<String> ids, String reason, String addedBy) {
        List<String> distinct = ids.stream().distinct().toList();
        int added = 0;
        for (int from = 0; from < distinct.size(); from += LOOKUP) {
            List<String> part = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP));
            Map<String, String> present = reasons(kind, part);
            LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
            List<Object[]> rows = new ArrayList<>();
            for (String id : part) {
                if (!present.containsKey(id)) {
                    rows.add(new Object[] {kind.column(), id, BoundedText.cap(reason, BoundedText.DETAIL), addedBy, now});
                }
            }
            added += insert(rows);
        }
        return added;
    }

    /**
     * Adds the recipients a platform's refusal says can never receive on {@code channel} (card form 30001), the
     * refusal as the reason, {@link #BY_PLATFORM} as who: whichever request asked, a campaign's or a test's.
     *
     * @return how many were added; none when {@code ids} is empty
     */
    public int addCannotReceive(Channel channel, Collection<String> ids, String refusal) {
        return add(RecipientIdKind.of(channel), ids, refusal, BY_PLATFORM);
    }

    /** Another adder (a second node's sender, a person) may insert one of them meanwhile: theirs stands. */
    private int insert(List<Object[]> rows) {
        String insert = "INSERT INTO recipient_suppression (id_kind, recipient_id, reason, added_by, added_at) VALUES (?, ?, ?, ?, ?)";
        try {
            jdbcTemplate.batchUpdate(insert, rows);
            return rows.size();
        } catch (DuplicateKeyException addedMeanwhile) {
            int added = 0;
            for (Object[] row : rows) {
                try {
                    added += jdbcTemplate.update(insert, row);
                } catch (DuplicateKeyException already) {
                    // on the list already
                }
            }
            return added;
        }
    }

    /**
     * Removes {@code id} from every id kind holding it (an id is removed as typed; the kinds rarely share one).
     *
     * @return the kinds it was removed from, empty when it was not on the list
     */
    public List<RecipientIdKind> remove(String id) {
        List<RecipientIdKind> removed = new ArrayList<>();
        for (RecipientIdKind kind : RecipientIdKind.values()) {
            if (jdbc.sql("DELETE FROM recipient_suppression WHERE id_kind = ? AND recipient_id = ?")
                    .params(kind.column(), id).update() == 1) {
                removed.add(kind);
            }
        }
        return removed;
    }

    /** Of {@code ids}, those on the list for {@code kind}, with their reason. */
    public Map<String, String> reasons(RecipientIdKind kind, Collection<String> ids) {
        Map<String, String> reasons = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += LOOKUP) {
            // On the key's first column: an index lookup per id on H2 and MariaDB (see V24).
            jdbc.sql("SELECT recipient_id, reason FROM recipient_suppression WHERE recipient_id IN (:ids) AND id_kind = :kind")
                    .param("ids", all.subList(from, Math.min(all.size(), from + LOOKUP))).param("kind", kind.column())
                    .query(rs -> {
                        reasons.put(rs.getString("recipient_id"), rs.getString("reason"));
                    });
        }
        return reasons;
    }

    /** The newest first, at most {@code limit}; {@code search} (any case) matches a part of the id or the reason. */
    public List<Suppression> list(String search, int limit) {
        String like = search == null || search.isBlank() ? "%"
                : "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("SELECT id_kind, recipient_id, reason, added_by, added_at FROM recipient_suppression"
                        + " WHERE LOWER(recipient_id) LIKE :like OR LOWER(reason) LIKE :like"
                        + " ORDER BY added_at DESC, id_kind, recipient_id LIMIT :limit")
                .param("like", like).param("limit", limit)
                .query(SuppressionList::suppression).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM recipient_suppression").query(Long.class).single();
    }

    private static Suppression suppression(ResultSet rs, int row) throws SQLException {
        return new Suppression(RecipientIdKind.fromColumn(rs.getString("id_kind")).orElseThrow(),
                rs.getString("recipient_id"), rs.getString("reason"), rs.getString("added_by"),
                rs.getObject("added_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
