package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.audience.RecipientStagingWriter;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.frequency.PushHistory;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.system.BoundedText;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.PessimisticLockingFailureException;
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

    private static final int LOCK_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate inFlightTransaction;
    private final SuppressionList suppressions;
    private final PushHistory history;
    private final Clock clock;

    PushRequestStore(JdbcClient jdbc, PlatformTransactionManager transactions, SuppressionList suppressions,
                     PushHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.suppressions = suppressions;
        this.history = history;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Read committed: once the frequency cap's lock on a recipient is granted, the count must see the pushes the
        // transaction that held it committed. Under MariaDB's repeatable read it read an older snapshot, taken at
        // the transaction's first read, and two campaigns pushed the same people past the cap (measured: 50 of 400).
        this.inFlightTransaction = new TransactionTemplate(transactions);
        this.inFlightTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.inFlightTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
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
     * Records the request and claims its recipients, in a transaction of its own committed before the request is
     * sent. In the same transaction the recipients are checked one last time: those put on the suppression list
     * since staging become SUPPRESSED, and those over the frequency cap CAPPED (their pushes counted under a lock
     * per recipient, so two campaigns sending to one person at once cannot both push them past it); neither is
     * sent. A recipient is claimed only while it is PENDING and given to no request: if another run (a second
     * process, or the tail of a failed run) claimed any of them first, nothing is recorded and this request must
     * not be sent.
     *
     * @return the request as it is to be sent, without the recipients held back; null when none is left, and then
     * nothing is recorded for it
     * @throws IllegalStateException when a recipient was already claimed
     */
    PushRequest recordInFlight(PushRequest request, Channel channel) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inFlightTransaction.execute(status -> recordInFlightOnce(request, channel));
            } catch (PessimisticLockingFailureException deadlock) {
                // Rolled back whole and nothing sent: two requests sharing recipients met; the database picked this one.
                if (attempt == LOCK_ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }

    private PushRequest recordInFlightOnce(PushRequest request, Channel channel) {
        LocalDateTime now = now();
        List<CampaignRecipient> toSend = holdBack(request, channel);
        if (toSend.isEmpty()) {
            return null;
        }
        jdbc.sql("""
                        INSERT INTO campaign_request (campaign_id, chunk_no, request_id, state, recipients, created_at, updated_at)
                        VALUES (?, ?, ?, 'IN_FLIGHT', ?, ?, ?)""")
                .params(request.campaignId(), request.chunkNo(), request.requestId(), toSend.size(), now, now)
                .update();
        // One statement for the whole request, which claims only recipients that no run has claimed yet.
        int claimed = jdbc.sql("UPDATE campaign_recipient SET chunk_no = :chunk, request_id = :request"
                        + " WHERE (campaign_id, line_no) IN (:keys) AND state = 'PENDING' AND chunk_no IS NULL")
                .param("chunk", request.chunkNo()).param("request", request.requestId())
                .param("keys", keys(request.campaignId(), toSend))
                .update();
        if (claimed != toSend.size()) {
            throw new IllegalStateException("campaign " + request.campaignId() + ": " + (toSend.size() - claimed)
                    + " recipient(s) of request " + request.requestId() + " were claimed by another run; not sent");
        }
        history.record(channel, toSend.stream()
                .map(recipient -> new PushHistory.Push(request.campaignId(), recipient.lineNo(), recipient.recipientId()))
                .toList());
        return request.carrying(toSend);
    }

    /**
     * Marks the request's suppressed and capped recipients so, one statement per detail (usually one reason, and
     * the cap's one), and answers the others: no statement per recipient while the cap's locks are held.
     */
    private List<CampaignRecipient> holdBack(PushRequest request, Channel channel) {
        Map<String, String> suppressed = suppressions.reasons(RecipientIdKind.of(channel), request.recipientIds());
        Map<String, List<CampaignRecipient>> suppressedByDetail = new HashMap<>();
        List<CampaignRecipient> notSuppressed = new ArrayList<>();
        for (CampaignRecipient recipient : request.recipients()) {
            String reason = suppressed.get(recipient.recipientId());
            if (reason == null) {
                notSuppressed.add(recipient);
            } else {
                suppressedByDetail.computeIfAbsent(RecipientStagingWriter.SUPPRESSED + reason, any -> new ArrayList<>())
                        .add(recipient);
            }
        }
        suppressedByDetail.forEach((detail, recipients) ->
                holdBack(request.campaignId(), recipients, RecipientState.SUPPRESSED, detail));
        Set<String> capped = history.lockAndFindCapped(channel,
                notSuppressed.stream().map(CampaignRecipient::recipientId).toList());
        Map<Boolean, List<CampaignRecipient>> byCapped = notSuppressed.stream()
                .collect(Collectors.partitioningBy(recipient -> capped.contains(recipient.recipientId())));
        if (!byCapped.get(true).isEmpty()) {
            holdBack(request.campaignId(), byCapped.get(true), RecipientState.CAPPED, history.cap().why(channel.key()));
        }
        return byCapped.get(false);
    }

    private void holdBack(String campaignId, List<CampaignRecipient> recipients, RecipientState state, String detail) {
        jdbc.sql("UPDATE campaign_recipient SET state = :state, detail = :detail"
                        + " WHERE (campaign_id, line_no) IN (:keys) AND state = 'PENDING' AND chunk_no IS NULL")
                .param("state", state.name()).param("detail", BoundedText.cap(detail, BoundedText.DETAIL))
                .param("keys", keys(campaignId, recipients))
                .update();
    }

    /**
     * Records how one request went, in a transaction of its own, as soon as the answer arrives: only
     * requests actually on the wire when a process dies are left in flight. Recipients the platform said cannot
     * receive are added to the suppression list in the same transaction, with its reason; the pushes of those it
     * refused or that failed are forgotten by the frequency cap, since nothing reached them.
     */
    public void recordAnswer(PushResult result, Channel channel) {
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
            history.forget(request.campaignId(), byOutcome.entrySet().stream()
                    .filter(entry -> entry.getKey() == RecipientState.REJECTED || entry.getKey() == RecipientState.FAILED)
                    .flatMap(entry -> entry.getValue().stream()).map(CampaignRecipient::lineNo).toList());
            suppressions.addCannotReceive(channel, answer.cannotReceive(), answer.detail());
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
