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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate inFlightTransaction;
    private final TransactionTemplate answerTransaction;
    private final SuppressionList suppressions;
    private final PushHistory history;
    private final Clock clock;
    private final GroupCommit<ToClaim, PushRequest> inFlight;
    private final GroupCommit<Answered, Boolean> answers;

    PushRequestStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions,
                     SuppressionList suppressions, PushHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.suppressions = suppressions;
        this.history = history;
        // Read committed: once the frequency cap's lock on a recipient is granted, the count must see the pushes the
        // transaction that held it committed. Under MariaDB's repeatable read it read an older snapshot, taken at
        // the transaction's first read, and two campaigns pushed the same people past the cap (measured: 50 of 400).
        this.inFlightTransaction = new TransactionTemplate(transactions);
        this.inFlightTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.inFlightTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        // Read committed too: a group's update finds its rows by a primary-key range, and under repeatable read InnoDB
        // would keep locks on the range's rows it did not change, which other senders' requests are claiming.
        this.answerTransaction = new TransactionTemplate(transactions);
        this.answerTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.answerTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.inFlight = new GroupCommit<>(this::recordInFlightGroup,
                toClaim -> retriedOnDeadlock(() -> recordInFlightGroup(List.of(toClaim)).get(0)));
        this.answers = new GroupCommit<>(this::recordAnswers, answered -> retriedOnDeadlock(() -> recordAnswers(List.of(answered)).get(0)));
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
     * Records the request and claims its recipients, in a transaction committed before the request is sent (together
     * with the requests other senders record at the same moment: {@link GroupCommit}). In the same transaction the
     * recipients are checked one last time: those put on the suppression list since staging become SUPPRESSED, and
     * those over the frequency cap CAPPED (their pushes counted under a lock per recipient, so two campaigns sending to
     * one person at once cannot both push them past it); neither is sent. A recipient is claimed only while it is
     * PENDING and given to no request: if another run (a second process, or the tail of a failed run) claimed any of
     * them first, nothing is recorded of this request and it must not be sent.
     *
     * @return the request as it is to be sent, without the recipients held back; null when none is left, and then
     * nothing is recorded for it
     * @throws IllegalStateException when a recipient was already claimed
     */
    PushRequest recordInFlight(PushRequest request, Channel channel) {
        return inFlight.commit(new ToClaim(request, channel));
    }

    /** A request about to leave, as {@link #inFlight} groups them. */
    private record ToClaim(PushRequest request, Channel channel) {
    }

    private record CampaignChannel(String campaignId, Channel channel) {
    }

    private List<PushRequest> recordInFlightGroup(List<ToClaim> group) {
        return inFlightTransaction.execute(status -> recordInFlightTogether(group));
    }

    /**
     * A constant number of statements for the whole group, whatever its size: a group's statements run one after the
     * other, so their number must not grow with it.
     */
    private List<PushRequest> recordInFlightTogether(List<ToClaim> group) {
        LocalDateTime now = now();
        List<PushRequest> toSend = new ArrayList<>(group.size());
        // Two campaigns may send at once in one process (serve), and share the group.
        Map<CampaignChannel, List<PushRequest>> byCampaign = new LinkedHashMap<>();
        group.forEach(each -> byCampaign.computeIfAbsent(new CampaignChannel(each.request().campaignId(), each.channel()),
                any -> new ArrayList<>()).add(each.request()));
        Map<String, PushRequest> kept = new HashMap<>();
        // Each campaign's pushes are counted before the next campaign's cap is checked, in this same transaction: two
        // campaigns of one group sending to one person must not both pass the cap on counts that hold neither.
        byCampaign.forEach((campaign, requests) -> {
            List<PushRequest> keptOfCampaign = holdBack(requests, campaign.channel());
            keptOfCampaign.forEach(request -> kept.put(request.requestId(), request));
            history.record(campaign.channel(), keptOfCampaign.stream()
                    .flatMap(request -> request.recipients().stream()
                            .map(recipient -> new PushHistory.Push(request.campaignId(), recipient.lineNo(), recipient.recipientId())))
                    .toList());
        });
        for (ToClaim each : group) {
            toSend.add(kept.get(each.request().requestId()));
        }
        List<PushRequest> claiming = toSend.stream().filter(Objects::nonNull).toList();
        if (claiming.isEmpty()) {
            return toSend;
        }
        jdbcTemplate.batchUpdate("""
                        INSERT INTO campaign_request (campaign_id, chunk_no, request_id, state, recipients, created_at, updated_at)
                        VALUES (?, ?, ?, 'IN_FLIGHT', ?, ?, ?)""",
                claiming.stream().map(request -> new Object[] {request.campaignId(), request.chunkNo(), request.requestId(),
                        request.recipients().size(), now, now}).toList());
        claim(claiming);
        return toSend;
    }

    /**
     * One statement for all the requests of a campaign, which claims only recipients that no run has claimed yet. If
     * any was claimed, nothing is: alone, the exception names the request; in a group, the group rolls back and each
     * request is claimed alone.
     *
     * <p>Each request is claimed by its range of lines, not by a list of them: the reader hands out consecutive runs of
     * the PENDING recipients no request was given, in line order; those held back are no longer PENDING; and while a
     * campaign sends, recipients only ever leave that set. So within a request's range the PENDING unclaimed rows are
     * its recipients or fewer, and the count equals the requests' size exactly when every one of them was still
     * unclaimed. Five parameters a request instead of one per recipient: the driver spent most of a group's time
     * writing a thousand line numbers into the statement (measured).
     */
    private void claim(List<PushRequest> requests) {
        Map<String, List<PushRequest>> byCampaign = new LinkedHashMap<>();
        requests.forEach(request -> byCampaign.computeIfAbsent(request.campaignId(), any -> new ArrayList<>()).add(request));
        byCampaign.forEach((campaignId, ofCampaign) -> {
            StringBuilder chunkNo = new StringBuilder("CASE");
            StringBuilder requestId = new StringBuilder("CASE");
            StringBuilder ranges = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            long recipients = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int i = 0; i < ofCampaign.size(); i++) {
                PushRequest request = ofCampaign.get(i);
                String range = "line_no BETWEEN :first" + i + " AND :last" + i;
                chunkNo.append(" WHEN ").append(range).append(" THEN :chunk").append(i);
                requestId.append(" WHEN ").append(range).append(" THEN :request").append(i);
                ranges.append(i == 0 ? "" : " OR ").append(range);
                long requestFirst = request.recipients().stream().mapToLong(CampaignRecipient::lineNo).min().orElseThrow();
                long requestLast = request.recipients().stream().mapToLong(CampaignRecipient::lineNo).max().orElseThrow();
                params.put("first" + i, requestFirst);
                params.put("last" + i, requestLast);
                params.put("chunk" + i, request.chunkNo());
                params.put("request" + i, request.requestId());
                recipients += request.recipients().size();
                first = Math.min(first, requestFirst);
                last = Math.max(last, requestLast);
            }
            params.put("campaign", campaignId);
            params.put("first", first);
            params.put("last", last);
            // The group's whole range too: H2 searches the key by it, where the OR of ranges alone scanned the campaign.
            int count = jdbc.sql("UPDATE campaign_recipient SET chunk_no = " + chunkNo + " END, request_id = " + requestId
                            + " END WHERE campaign_id = :campaign AND line_no BETWEEN :first AND :last AND (" + ranges + ")"
                            + " AND state = 'PENDING' AND chunk_no IS NULL")
                    .params(params)
                    .update();
            if (count != recipients) {
                throw new IllegalStateException("campaign " + campaignId + ": " + (recipients - count)
                        + " recipient(s) of request " + ofCampaign.get(0).requestId() + " were claimed by another run; not sent");
            }
        });
    }

    /**
     * Marks the requests' (of one campaign) suppressed and capped recipients so, one statement per detail (usually one reason, and
     * the cap's one), and answers the requests with the others, leaving out those with none left: no statement per
     * recipient or request while the cap's locks are held.
     */
    private List<PushRequest> holdBack(List<PushRequest> requests, Channel channel) {
        List<String> ids = requests.stream().flatMap(request -> request.recipientIds().stream()).toList();
        Map<String, String> suppressed = suppressions.reasons(RecipientIdKind.of(channel), ids);
        Map<String, List<CampaignRecipient>> suppressedByDetail = new HashMap<>();
        List<String> notSuppressed = new ArrayList<>();
        for (PushRequest request : requests) {
            for (CampaignRecipient recipient : request.recipients()) {
                String reason = suppressed.get(recipient.recipientId());
                if (reason == null) {
                    notSuppressed.add(recipient.recipientId());
                } else {
                    suppressedByDetail.computeIfAbsent(RecipientStagingWriter.SUPPRESSED + reason, any -> new ArrayList<>())
                            .add(recipient);
                }
            }
        }
        String campaignId = requests.get(0).campaignId();
        suppressedByDetail.forEach((detail, recipients) -> holdBack(campaignId, recipients, RecipientState.SUPPRESSED, detail));
        Set<String> capped = history.lockAndFindCapped(channel, notSuppressed);
        List<CampaignRecipient> cappedRecipients = new ArrayList<>();
        List<PushRequest> kept = new ArrayList<>(requests.size());
        for (PushRequest request : requests) {
            List<CampaignRecipient> toSend = new ArrayList<>(request.recipients().size());
            for (CampaignRecipient recipient : request.recipients()) {
                if (suppressed.containsKey(recipient.recipientId())) {
                    continue;
                }
                (capped.contains(recipient.recipientId()) ? cappedRecipients : toSend).add(recipient);
            }
            if (!toSend.isEmpty()) {
                kept.add(request.carrying(toSend));
            }
        }
        if (!cappedRecipients.isEmpty()) {
            holdBack(campaignId, cappedRecipients, RecipientState.CAPPED, history.cap().why(channel.key()));
        }
        return kept;
    }

    private void holdBack(String campaignId, List<CampaignRecipient> recipients, RecipientState state, String detail) {
        updateRecipients(RecipientRows.byLine(campaignId, recipients), "state = :state, detail = :detail",
                "state = 'PENDING' AND chunk_no IS NULL",
                Map.of("state", state.name(), "detail", BoundedText.cap(detail, BoundedText.DETAIL)));
    }

    /**
     * Records how one request went as soon as the answer arrives, committed before this returns (together with the
     * answers other senders record at the same moment): only requests actually on the wire when a process dies are
     * left in flight. Recipients the platform said cannot receive are added to the suppression list in the same
     * transaction, with its reason; the pushes of those it refused or that failed are forgotten by the frequency cap,
     * since nothing reached them.
     */
    public void recordAnswer(PushResult result, Channel channel) {
        answers.commit(new Answered(result, channel));
    }

    /** An answer to record, as {@link #answers} groups them. */
    private record Answered(PushResult result, Channel channel) {
    }

    /** What one statement sets a group's recipients to. */
    private record RecipientOutcome(String campaignId, RecipientState state, String detail) {
    }

    private List<Boolean> recordAnswers(List<Answered> group) {
        // One statement per outcome and detail over the whole group, usually one in all: every recipient SENT. A request
        // whose recipients all went one way names them by its chunk, which holds exactly its recipients once claimed;
        // the others name each recipient. Each outcome is worked out once, here.
        Map<RecipientOutcome, List<Long>> wholeChunks = new LinkedHashMap<>();
        Map<RecipientOutcome, List<CampaignRecipient>> byLine = new LinkedHashMap<>();
        Map<String, List<Long>> nothingReached = new LinkedHashMap<>();
        for (Answered each : group) {
            PushAnswer answer = each.result().answer();
            PushRequest request = each.result().request();
            Map<RecipientOutcome, List<CampaignRecipient>> ofRequest = new LinkedHashMap<>();
            for (CampaignRecipient recipient : request.recipients()) {
                RecipientState outcome = answer.outcomeOf(recipient.recipientId());
                String detail = outcome == RecipientState.SENT ? null : BoundedText.cap(answer.detail(), BoundedText.DETAIL);
                ofRequest.computeIfAbsent(new RecipientOutcome(request.campaignId(), outcome, detail), any -> new ArrayList<>())
                        .add(recipient);
                if (outcome == RecipientState.REJECTED || outcome == RecipientState.FAILED) {
                    nothingReached.computeIfAbsent(request.campaignId(), any -> new ArrayList<>()).add(recipient.lineNo());
                }
            }
            if (ofRequest.size() == 1) {
                wholeChunks.computeIfAbsent(ofRequest.keySet().iterator().next(), any -> new ArrayList<>()).add(request.chunkNo());
            } else {
                ofRequest.forEach((outcome, recipients) -> byLine.computeIfAbsent(outcome, any -> new ArrayList<>())
                        .addAll(recipients));
            }
        }
        answerTransaction.executeWithoutResult(status -> {
            LocalDateTime now = now();
            jdbcTemplate.batchUpdate("UPDATE campaign_request SET state = ?, platform_answer = ?, updated_at = ?"
                            + " WHERE campaign_id = ? AND chunk_no = ?",
                    group.stream().map(Answered::result).map(result -> new Object[] {result.answer().state().name(),
                            BoundedText.cap(result.answer().rawAnswer(), BoundedText.EVIDENCE), now,
                            result.request().campaignId(), result.request().chunkNo()}).toList());
            // A recipient a callback already placed keeps the callback's state: the platform's later word outranks the
            // synchronous answer.
            wholeChunks.forEach((outcome, chunks) -> setOutcome(RecipientRows.byChunk(outcome.campaignId(), chunks), outcome));
            byLine.forEach((outcome, recipients) -> setOutcome(RecipientRows.byLine(outcome.campaignId(), recipients), outcome));
            // Nothing reached those the platform refused or that failed: the frequency cap forgets their pushes.
            nothingReached.forEach(history::forget);
            for (Answered each : group) {
                PushAnswer answer = each.result().answer();
                suppressions.addCannotReceive(each.channel(), answer.cannotReceive(), answer.detail());
            }
        });
        return Collections.nCopies(group.size(), Boolean.TRUE);
    }

    /**
     * A request that was never sent because the campaign's {@code notAfter} had passed: its recipients become
     * EXPIRED, if no run has claimed them, and no request is recorded.
     */
    void recordExpired(PushRequest request, String why) {
        updateRecipients(RecipientRows.byLine(request.campaignId(), request.recipients()), "state = 'EXPIRED', detail = :why",
                "state = 'PENDING' AND chunk_no IS NULL", Map.of("why", BoundedText.cap(why, BoundedText.DETAIL)));
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

    private void setOutcome(RecipientRows rows, RecipientOutcome outcome) {
        Map<String, Object> values = new HashMap<>();
        values.put("state", outcome.state().name());
        values.put("detail", outcome.detail());
        updateRecipients(rows, "state = :state, detail = :detail", "callback_at IS NULL", values);
    }

    /** Sets {@code assignments} on those of {@code rows} for which {@code condition} holds. */
    private void updateRecipients(RecipientRows rows, String assignments, String condition, Map<String, Object> values) {
        Map<String, Object> params = new HashMap<>(values);
        rows.bind(params, "rows");
        jdbc.sql("UPDATE campaign_recipient SET " + assignments + " WHERE " + rows.condition("rows") + " AND " + condition)
                .params(params)
                .update();
    }

    /**
     * A record alone is tried again when the database picks its transaction as a deadlock's victim: it rolled back
     * whole, and nothing was sent on it (two requests sharing recipients met under the frequency cap's locks).
     */
    private static <R> R retriedOnDeadlock(Supplier<R> record) {
        for (int attempt = 1; ; attempt++) {
            try {
                return record.get();
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == LOCK_ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
