package dev.superapp.batch.campaign;

import dev.superapp.batch.platform.AmbiguousOutcomeException;
import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.PlatformUnavailableException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Sends one request, after recording it. Runs on many threads at once (the step's task executor),
 * each request in flight at most once at a time; holds no per-request state.
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
        return new PushResult(request, send(request));
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
