package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.CampaignControlCheck;
import dev.superapp.batch.campaign.definition.Channel;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Sends one request between two records of it: before it leaves (IN_FLIGHT) and as soon as it is
 * answered. Each record is committed before this goes on (with the records other senders make at the same
 * moment, {@link GroupCommit}), so a process killed at any moment leaves in flight only the requests that were
 * on the wire. Runs on many threads at once; holds no per-request state.
 *
 * <p>A pause or cancel is looked for right before each request is recorded and sent, not only when the step
 * reads: a chunk holds 16 × max-in-flight requests, read before any is sent. A request not sent because of
 * one is filtered out unrecorded, its recipients still PENDING and given to no request, so a resumed run
 * sends them once.
 *
 * <p>The campaign's end time ({@link SendDeadline}) is asked before a request is recorded and again just before
 * each attempt leaves, after its wait for the rate: a request that would leave after {@code notAfter} is not sent,
 * and its recipients are EXPIRED.
 */
final class PushRequestProcessor implements ItemProcessor<PushRequest, PushResult> {

    private final PushRequestStore store;
    private final PushChannel channel;
    private final CampaignControlCheck control;
    private final Channel channelName;
    private final ErrorRateGuard errorRate;
    private final SendDeadline deadline;

    PushRequestProcessor(PushRequestStore store, PushChannel channel, CampaignControlCheck control, Channel channelName,
                         ErrorRateGuard errorRate, SendDeadline deadline) {
        this.store = store;
        this.channel = channel;
        this.control = control;
        this.channelName = channelName;
        this.errorRate = errorRate;
        this.deadline = deadline;
    }

    /**
     * @return null, nothing recorded or sent, once a pause or cancel was asked, or when every recipient of the request
     * was held back (suppressed or capped)
     */
    @Override
    public PushResult process(PushRequest request) {
        if (control.stopRequested()) {
            return null;
        }
        if (deadline.passed() && !request.resend()) {
            // Not recorded as a request at all: only its recipients, which no run has claimed.
            String why = "not sent: " + deadline.why();
            store.recordExpired(request, why);
            return new PushResult(request, PushAnswer.of(RequestState.EXPIRED, why, null));
        }
        PushRequest toSend = request;
        if (!request.resend()) {
            // Committed before the request leaves: a crash after this point finds it IN_FLIGHT.
            toSend = store.recordInFlight(request, channelName);
            if (toSend == null) {
                return null;
            }
        }
        // Asked again after the wait for the rate: a request queued behind others must not leave late either.
        PushAnswer answer = channel.answer(toSend, () -> !deadline.passed());
        PushResult result = new PushResult(toSend, answer.state() == RequestState.EXPIRED ? heldBack(toSend) : answer);
        store.recordAnswer(result, channelName);
        errorRate.answered(result);
        return result;
    }

    /**
     * A request held back by the end time: EXPIRED; but one left in flight by an earlier run may have been delivered
     * then, so it is UNKNOWN, and not re-sent.
     */
    private PushAnswer heldBack(PushRequest request) {
        return request.resend()
                ? PushAnswer.of(RequestState.UNKNOWN, "in flight when an earlier run stopped, and not re-sent: " + deadline.why(), null)
                : PushAnswer.of(RequestState.EXPIRED, "not sent: " + deadline.why(), null);
    }
}
