package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.CampaignControlCheck;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.platform.AmbiguousOutcomeException;
import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.PlatformUnavailableException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Sends one request between two records of it: before it leaves (IN_FLIGHT) and as soon as it is
 * answered. Each record commits on its own, so a process killed at any moment leaves in flight only
 * the requests that were on the wire. Runs on many threads at once; holds no per-request state.
 *
 * <p>A pause or cancel is looked for right before each request is recorded and sent, not only when the step
 * reads: a chunk holds 16 × max-in-flight requests, read before any is sent. A request not sent because of
 * one is filtered out unrecorded, its recipients still PENDING and given to no request, so a resumed run
 * sends them once.
 */
final class PushRequestProcessor implements ItemProcessor<PushRequest, PushResult> {

    private final PushRequestStore store;
    private final PushChannel channel;
    private final CampaignControlCheck control;
    private final Channel channelName;
    private final ErrorRateGuard errorRate;

    PushRequestProcessor(PushRequestStore store, PushChannel channel, CampaignControlCheck control, Channel channelName,
                         ErrorRateGuard errorRate) {
        this.store = store;
        this.channel = channel;
        this.control = control;
        this.channelName = channelName;
        this.errorRate = errorRate;
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
        errorRate.answered(result);
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
