package dev.superapp.batch.campaign.callback;

import dev.superapp.batch.campaign.recipient.RecipientState;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The card form's callbacks in {@code campaign_callback} and what they did to {@code campaign_recipient}: each
 * callback is recorded with the recipients it moves, in one transaction, so that a callback delivered twice
 * moves them once.
 */
@Repository
class CallbackStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CallbackStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Records the card form's asynchronous verdict on the recipients of one request (seed 003's
     * callback), with the callback itself, in one transaction: those it lists as delivered become SENT,
     * those it lists as failed REJECTED with {@code detail}. Recipients it does not name keep their state, and so
     * does a recipient already placed by a callback with a later (or the same) {@code timeStamp}: a late or
     * reordered callback never undoes a newer one.
     *
     * @return how many recipients changed
     * @throws org.springframework.dao.DuplicateKeyException when this callback (request id and sign) was applied
     *                                                       before; then nothing changed
     */
    int recordCallback(CallbackVerdict verdict) {
        // One statement a recipient, at most 50 of them: batched counts can come back as "unknown".
        return transaction.execute(status -> {
            jdbc.sql("INSERT INTO campaign_callback (request_id, sign, campaign_id, time_stamp, changed, received_at)"
                            + " SELECT request_id, ?, campaign_id, ?, 0, ? FROM campaign_request WHERE request_id = ?")
                    .params(verdict.sign(), verdict.timeStamp(), now(), verdict.requestId()).update();
            int changed = 0;
            for (String id : verdict.sent()) {
                changed += updateRecipient(verdict, id, RecipientState.SENT, null);
            }
            for (String id : verdict.rejected()) {
                changed += updateRecipient(verdict, id, RecipientState.REJECTED, verdict.detail());
            }
            jdbc.sql("UPDATE campaign_callback SET changed = ? WHERE request_id = ? AND sign = ?")
                    .params(changed, verdict.requestId(), verdict.sign()).update();
            return changed;
        });
    }

    private int updateRecipient(CallbackVerdict verdict, String recipientId, RecipientState state, String detail) {
        return jdbc.sql("UPDATE campaign_recipient SET state = ?, detail = ?, callback_at = ? WHERE request_id = ?"
                        + " AND recipient_id = ? AND (callback_at IS NULL OR callback_at < ?)")
                .params(state.name(), detail, verdict.timeStamp(), verdict.requestId(), recipientId, verdict.timeStamp())
                .update();
    }

    /** Whether this callback (request id and sign) was already applied. */
    boolean callbackApplied(String requestId, String sign) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_callback WHERE request_id = ? AND sign = ?")
                .params(requestId, sign).query(Long.class).single() > 0;
    }

    /** The campaign a request belongs to; empty when there is no such request. */
    Optional<String> campaignOfRequest(String requestId) {
        return jdbc.sql("SELECT campaign_id FROM campaign_request WHERE request_id = ?")
                .param(requestId).query(String.class).optional();
    }

    /** Every recipient the request with this id carried; empty when there is no such request. */
    List<String> recipientIdsOf(String requestId) {
        return jdbc.sql("SELECT recipient_id FROM campaign_recipient WHERE request_id = ? ORDER BY line_no")
                .param(requestId).query(String.class).list();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
