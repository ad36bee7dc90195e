package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.system.BoundedText;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender's record in {@code campaign_request} and {@code campaign_recipient}: which requests
 * exist, which recipients each carries, and how each went. This record is what makes a push
 * exactly once: a request is written, and committed, before it is sent. The senders' records are committed in
 * groups ({@link GroupCommit}): one transaction for the requests that are about to leave at the same moment,
 * one for the answers that arrived at the same moment, each sender waiting for its own.
 */
@Repository
public class PushRequestStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final GroupCommit<PushRequest> inFlight = new GroupCommit<>(this::recordInFlight,
            request -> recordInFlight(List.of(request)));
    private final GroupCommit<PushResult> answers = new GroupCommit<>(this::recordAnswers,
            result -> recordAnswers(List.of(result)));

    PushRequestStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
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
     * Records the request and claims its recipients, in a transaction committed before the request is sent
     * (together with the requests other senders record at the same moment: {@link GroupCommit}). A recipient is
     * claimed only while it is PENDING and given to no request: if another run (a second process, or the tail of
     * a failed run) claimed any of them first, nothing is recorded of this request and it must not be sent.
     *
     * @throws IllegalStateException when a recipient was already claimed
     */
    void recordInFlight(PushRequest request) {
        inFlight.commit(request);
    }

    private void recordInFlight(List<PushRequest> requests) {
        ownTransaction.executeWithoutResult(status -> {
            LocalDateTime now = now();
            jdbcTemplate.batchUpdate("""
                            INSERT INTO campaign_request (campaign_id, chunk_no, request_id, state, recipients, created_at, updated_at)
                            VALUES (?, ?, ?, 'IN_FLIGHT', ?, ?, ?)""",
                    requests.stream().map(request -> new Object[] {request.campaignId(), request.chunkNo(), request.requestId(),
                            request.recipients().size(), now, now}).toList());
            claim(requests);
        });
    }

    /**
     * One statement per campaign for all the requests, which claims only recipients that no run has claimed yet:
     * a constant number of statements per group, since a group's statements run one after the other.
     */
    private void claim(List<PushRequest> requests) {
        Map<String, List<PushRequest>> byCampaign = new LinkedHashMap<>();
        requests.forEach(request -> byCampaign.computeIfAbsent(request.campaignId(), any -> new ArrayList<>()).add(request));
        byCampaign.forEach((campaignId, ofCampaign) -> {
            StringBuilder chunkNo = new StringBuilder("CASE");
            StringBuilder requestId = new StringBuilder("CASE");
            Map<String, Object> params = new HashMap<>();
            List<CampaignRecipient> all = new ArrayList<>();
            for (int i = 0; i < ofCampaign.size(); i++) {
                PushRequest request = ofCampaign.get(i);
                RecipientLines lines = RecipientLines.of(campaignId, request.recipients());
                lines.bind(params, "r" + i);
                chunkNo.append(" WHEN ").append(lines.member("r" + i)).append(" THEN :chunk").append(i);
                requestId.append(" WHEN ").append(lines.member("r" + i)).append(" THEN :request").append(i);
                params.put("chunk" + i, request.chunkNo());
                params.put("request" + i, request.requestId());
                all.addAll(request.recipients());
            }
            RecipientLines claimed = RecipientLines.of(campaignId, all);
            claimed.bind(params, "all");
            int count = jdbc.sql("UPDATE campaign_recipient SET chunk_no = " + chunkNo + " END, request_id = " + requestId
                            + " END WHERE " + claimed.condition("all") + " AND state = 'PENDING' AND chunk_no IS NULL")
                    .params(params)
                    .update();
            if (count != all.size()) {
                // Alone, this names the request; in a group, the group rolls back and each request is claimed alone.
                throw new IllegalStateException("campaign " + campaignId + ": " + (all.size() - count)
                        + " recipient(s) of request " + ofCampaign.get(0).requestId() + " were claimed by another run; not sent");
            }
        });
    }

    /**
     * Records how one request went as soon as the answer arrives, committed before this returns (with the
     * answers other senders record at the same moment): only requests actually on the wire when a process dies
     * are left in flight.
     */
    public void recordAnswer(PushResult result) {
        answers.commit(result);
    }

    private void recordAnswers(List<PushResult> results) {
        // One statement per outcome and detail over all the results, usually one in all: every recipient SENT.
        // A recipient a callback already placed keeps the callback's state: the platform's later word outranks
        // the synchronous answer.
        Map<RecipientOutcome, List<CampaignRecipient>> byOutcome = new LinkedHashMap<>();
        for (PushResult result : results) {
            PushAnswer answer = result.answer();
            for (CampaignRecipient recipient : result.request().recipients()) {
                RecipientState outcome = answer.outcomeOf(recipient.recipientId());
                String detail = outcome == RecipientState.SENT ? null : BoundedText.cap(answer.detail(), BoundedText.DETAIL);
                byOutcome.computeIfAbsent(new RecipientOutcome(result.request().campaignId(), outcome, detail),
                        any -> new ArrayList<>()).add(recipient);
            }
        }
        ownTransaction.executeWithoutResult(status -> {
            LocalDateTime now = now();
            jdbcTemplate.batchUpdate("UPDATE campaign_request SET state = ?, platform_answer = ?, updated_at = ?"
                            + " WHERE campaign_id = ? AND chunk_no = ?",
                    results.stream().map(result -> new Object[] {result.answer().state().name(),
                            BoundedText.cap(result.answer().rawAnswer(), BoundedText.EVIDENCE), now,
                            result.request().campaignId(), result.request().chunkNo()}).toList());
            byOutcome.forEach((outcome, recipients) -> {
                RecipientLines lines = RecipientLines.of(outcome.campaignId(), recipients);
                Map<String, Object> params = new HashMap<>();
                lines.bind(params, "r");
                params.put("state", outcome.state().name());
                params.put("detail", outcome.detail());
                jdbc.sql("UPDATE campaign_recipient SET state = :state, detail = :detail WHERE " + lines.condition("r")
                                + " AND callback_at IS NULL")
                        .params(params)
                        .update();
            });
        });
    }

    /** What a group of recipients is set to by one statement. */
    private record RecipientOutcome(String campaignId, RecipientState state, String detail) {
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

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
