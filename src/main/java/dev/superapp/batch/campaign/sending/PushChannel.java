package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.platform.PlatformRejectedException;
import java.util.Set;

/**
 * Sends one request on a campaign's channel. Implementations call one platform client and let its
 * typed exceptions through; {@link PushRequestProcessor} turns them into outcomes.
 */
interface PushChannel {

    /** Returns when the platform accepted the request; the answer lists recipients it refused. */
    PushAnswer send(PushRequest request);

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
