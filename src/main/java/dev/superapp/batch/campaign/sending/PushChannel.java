package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.platform.AmbiguousOutcomeException;
import dev.superapp.batch.platform.PlatformNotSentException;
import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.PlatformUnavailableException;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Sends one request on a campaign's channel. Implementations call one platform client and let its
 * typed exceptions through; {@link #answer} turns them into outcomes.
 */
interface PushChannel {

    /**
     * Returns when the platform accepted the request; the answer lists recipients it refused.
     *
     * @param mayLeave asked just before each attempt leaves (after waiting for the rate): false holds it back
     */
    PushAnswer send(PushRequest request, BooleanSupplier mayLeave);

    /**
     * Sends, and turns the platform's typed failures into the answer they mean: a refusal, no answer, maybe acted,
     * or held back by {@code mayLeave} before anything left (EXPIRED: the only hold is the campaign's end time).
     */
    default PushAnswer answer(PushRequest request, BooleanSupplier mayLeave) {
        try {
            return send(request, mayLeave);
        } catch (PlatformNotSentException e) {
            return PushAnswer.of(RequestState.EXPIRED, e.getMessage(), null);
        } catch (PlatformRejectedException e) {
            return PushAnswer.refusedFor(cannotReceive(request, e), e.getMessage(), e.rawAnswer());
        } catch (PlatformUnavailableException e) {
            return PushAnswer.of(RequestState.FAILED, e.getMessage(), e.rawAnswer());
        } catch (AmbiguousOutcomeException e) {
            return PushAnswer.of(RequestState.UNKNOWN, e.getMessage() + "; not re-sent", e.rawAnswer());
        }
    }

    /**
     * Whether a request that may have reached the platform can be sent again with the same id
     * without a second delivery: the platform de-duplicates (activity by activityId, card form by requestId).
     */
    boolean resendable();

    /**
     * The recipients of {@code request} that {@code refusal} says can never receive, so that they are suppressed;
     * empty when it says nothing of the kind (seed 001 has no such answer for openIds).
     */
    default Set<String> cannotReceive(PushRequest request, PlatformRejectedException refusal) {
        return Set.of();
    }
}
