package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.platform.AmbiguousOutcomeException;
import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.PlatformUnavailableException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Sends one request between two records of it: before it leaves (IN_FLIGHT) and as soon as it is
 * answered. Each record commits on its own, so a process killed at any moment leaves in flight only
 * the requests that were on the wire. Runs on many threads at once; holds no per-request state.
 */
final class PushRequestProcessor implements ItemProcessor<PushRequest, PushResult> {

    private final PushRequestStore store;
    private final PushChannel channel;
    private final Channel channelName;

    PushRequestProcessor(PushRequestStore store, PushChannel channel, Channel channelName) {
        this.store = store;
        this.channel = channel;
        this.channelName = channelName;
    }

    /** @return null when every recipient of the request was held back (suppressed or capped): nothing is sent */
    @Override
    public PushResult process(PushRequest request) {
        PushRequest toSend = request;
        if (!request.resend()) {
            // Committed before the request leaves: a crash after this point finds it IN_FLIGHT.
            toSend = store.recordInFlight(request, channelName);
            if (toSend == null) {
                return null;
            }
        }
        PushResult result = new PushResult(toSend, send(toSend));
        store.recordAnswer(result, channelName);
        return result;
    }

    private PushAnswer send(PushRequest request) {
        try {
            return channel.send(request);
        } catch (PlatformRejectedException e) {
            return PushAnswer.refusedFor(channel.cannotReceive(request, e), e.getMessage(), e.rawAnswer());
        } catch (PlatformUnavailableException e) {
            return PushAnswer.of(RequestState.FAILED, e.getMessage(), e.rawAnswer());
        } catch (AmbiguousOutcomeException e) {
            return PushAnswer.of(RequestState.UNKNOWN, e.getMessage() + "; not re-sent", e.rawAnswer());
        }
    }
}
