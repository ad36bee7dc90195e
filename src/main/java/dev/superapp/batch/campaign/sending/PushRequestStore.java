package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.system.BoundedText;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender's record in {@code campaign_request} and {@code campaign_recipient}: which requests
 * exist, which recipients each carries, and how each went. This record is what makes a push
 * exactly once: a request is written, and committed, before it is sent.
 */
@Repository
public class PushRequestStore {


    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    PushRequestStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    long nextChunkNo(String campaignId) {
        return jdbc.sql("SELECT COALESCE(MAX(chunk_no), 0) + 1 FROM campaign_request WHERE campaign_id = ?")
                .param(campaignId).query(Long.class).single();
    }

    List<Long> inFlightChunks(String campaignId) {
        return jdbc.sql("SELECT chunk_no FROM campaign_request WHERE campaign_id = ? AND state = 'IN_FLIGHT' ORDER BY chunk_no")
                .param(campaignId).query(Long.class).list();
    }

    /**
     * Records the request and claims its recipients, in a transaction of its own committed before the
     * request is sent. A recipient is claimed only while it is PENDING and given to no request: if
     * another run (a second process, or the tail of a failed run) claimed any of them first, nothing is
     * recorded and this request must not be sent.
     *
     * @throws IllegalStateException when a recipient was already claimed
     */
    void recordInFlight(PushRequest request) {
        ownTransaction.executeWithoutResult(status -> {
            LocalDateTime now = now();
            jdbc.sql("""
                            INSERT INTO campaign_request (campaign_id, chunk_no, request_id, state, recipients, created_at, updated_at)
                            VALUES (?, ?, ?, 'IN_FLIGHT', ?, ?, ?)""")
                    .params(request.campaignId(), request.chunkNo(), request.requestId(), request.recipients().size(), now, now)
                    .update();
            // One statement for the whole request, which claims only recipients that no run has claimed yet.
            int claimed = jdbc.sql("UPDATE campaign_recipient SET chunk_no = :chunk, request_id = :request"
                            + " WHERE (campaign_id, line_no) IN (:keys) AND state = 'PENDING' AND chunk_no IS NULL")
                    .param("chunk", request.chunkNo()).param("request", request.requestId())
                    .param("keys", keys(request.campaignId(), request.recipients()))
                    .update();
            if (claimed != request.recipients().size()) {
                throw new IllegalStateException("campaign " + request.campaignId() + ": " + (request.recipients().size() - claimed)
                        + " recipient(s) of request " + request.requestId() + " were claimed by another run; not sent");
            }
        });
    }

    /**
     * Records how one request went, in a transaction of its own, as soon as the answer arrives: only
     * requests actually on the wire when a process dies are left in flight.
     */
    public void recordAnswer(PushResult result) {
        PushRequest request = result.request();
        PushAnswer answer = result.answer();
        Map<RecipientState, List<CampaignRecipient>> byOutcome = new EnumMap<>(RecipientState.class);
        for (CampaignRecipient recipient : request.recipients()) {
            byOutcome.computeIfAbsent(answer.outcomeOf(recipient.recipientId()), any -> new ArrayList<>()).add(recipient);
        }
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE campaign_request SET state = ?, platform_answer = ?, updated_at = ? WHERE campaign_id = ? AND chunk_no = ?")
                    .params(answer.state().name(), BoundedText.cap(answer.rawAnswer(), BoundedText.EVIDENCE), now(),
                            request.campaignId(), request.chunkNo())
                    .update();
            // One statement per outcome, usually one in all: every recipient SENT. A recipient a callback already
            // placed keeps the callback's state: the platform's later word outranks the synchronous answer.
            byOutcome.forEach((outcome, recipients) -> jdbc.sql("UPDATE campaign_recipient SET state = :state, detail = :detail"
                            + " WHERE (campaign_id, line_no) IN (:keys) AND callback_at IS NULL")
                    .param("state", outcome.name())
                    .param("detail", outcome == RecipientState.SENT ? null : BoundedText.cap(answer.detail(), BoundedText.DETAIL))
                    .param("keys", keys(request.campaignId(), recipients))
                    .update());
        });
    }

    /**
     * A request that was never sent because the campaign's {@code notAfter} had passed: its recipients become
     * EXPIRED, if no run has claimed them, and no request is recorded.
     */
    void recordExpired(PushRequest request, String why) {
        jdbc.sql("UPDATE campaign_recipient SET state = 'EXPIRED', detail = :why"
                        + " WHERE (campaign_id, line_no) IN (:keys) AND state = 'PENDING' AND chunk_no IS NULL")
                .param("why", BoundedText.cap(why, BoundedText.DETAIL))
                .param("keys", keys(request.campaignId(), request.recipients()))
                .update();
    }

    /**
     * Requests left in flight by a run that died, on a channel that cannot re-send: they may have been
     * delivered, so they and their recipients become UNKNOWN and are never sent again.
     */
    int settleInFlightAsUnknown(String campaignId) {
        String why = "in flight when an earlier run stopped; the platform may have delivered it, and it is not re-sent";
        jdbc.sql("UPDATE campaign_recipient SET state = 'UNKNOWN', detail = ? WHERE campaign_id = ? AND state = 'PENDING'"
                        + " AND chunk_no IN (SELECT chunk_no FROM campaign_request WHERE campaign_id = ? AND state = 'IN_FLIGHT')")
                .params(why, campaignId, campaignId).update();
        return jdbc.sql("UPDATE campaign_request SET state = 'UNKNOWN', updated_at = ? WHERE campaign_id = ? AND state = 'IN_FLIGHT'")
                .params(now(), campaignId).update();
    }

    /**
     * Primary keys as row values, so that H2 too looks each one up: {@code campaign_id = ? AND line_no IN (...)}
     * made it scan the campaign's rows.
     */
    private static List<Object[]> keys(String campaignId, List<CampaignRecipient> recipients) {
        return recipients.stream().map(recipient -> new Object[] {campaignId, recipient.lineNo()}).toList();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
