package dev.superapp.batch.campaign.sending;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Sends one request between two records of it: before it leaves (IN_FLIGHT) and as soon as it is
 * answered. Each record commits on its own, so a process killed at any moment leaves in flight only
 * the requests that were on the wire. A request that would leave after the campaign's {@code notAfter}
 * ({@link SendDeadline}) is not sent at all. Runs on many threads at once; holds no per-request state.
 */
final class PushRequestProcessor implements ItemProcessor<PushRequest, PushResult> {

    private final PushRequestStore store;
    private final PushChannel channel;
    private final SendDeadline deadline;

    PushRequestProcessor(PushRequestStore store, PushChannel channel, SendDeadline deadline) {
        this.store = store;
        this.channel = channel;
        this.deadline = deadline;
    }

    @Override
    public PushResult process(PushRequest request) {
        if (deadline.passed() && !request.resend()) {
            // Not recorded as a request at all: only its recipients, which no run has claimed.
            String why = "not sent: " + deadline.why();
            store.recordExpired(request, why);
            return new PushResult(request, PushAnswer.of(RequestState.EXPIRED, why, null));
        }
        if (!request.resend()) {
            // Committed before the request leaves: a crash after this point finds it IN_FLIGHT.
            store.recordInFlight(request);
        }
        // Asked again after the wait for the rate: a request queued behind others must not leave late either.
        PushAnswer answer = channel.answer(request, () -> !deadline.passed());
        PushResult result = new PushResult(request, answer.state() == RequestState.EXPIRED ? heldBack(request) : answer);
        store.recordAnswer(result);
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
