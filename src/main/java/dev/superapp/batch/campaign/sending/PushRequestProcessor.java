package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.platform.AmbiguousOutcomeException;
import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.PlatformUnavailableException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Sends one request between two records of it: before it leaves (IN_FLIGHT) and as soon as it is
 * answered. Each record is committed before the next move (with the records other senders make at the same
 * moment, see {@link PushRequestStore}), so a process killed at any moment leaves in flight only the requests
 * that were on the wire. Runs on many threads at once; holds no per-request state.
 */
final class PushRequestProcessor implements ItemProcessor<PushRequest, PushResult> {

    private final PushRequestStore store;
    private final PushChannel channel;

    PushRequestProcessor(PushRequestStore store, PushChannel channel) {
        this.store = store;
        this.channel = channel;
    }

    @Override
    public PushResult process(PushRequest request) {
        if (!request.resend()) {
            // Committed before the request leaves: a crash after this point finds it IN_FLIGHT.
            store.recordInFlight(request);
        }
        PushResult result = new PushResult(request, send(request));
        store.recordAnswer(result);
        return result;
    }

    private PushAnswer send(PushRequest request) {
        try {
            return channel.send(request);
        } catch (PlatformRejectedException e) {
            return PushAnswer.of(RequestState.REJECTED, e.getMessage(), e.rawAnswer());
        } catch (PlatformUnavailableException e) {
            return PushAnswer.of(RequestState.FAILED, e.getMessage(), e.rawAnswer());
        } catch (AmbiguousOutcomeException e) {
            return PushAnswer.of(RequestState.UNKNOWN, e.getMessage() + "; not re-sent", e.rawAnswer());
        }
    }
}
