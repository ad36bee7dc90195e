package dev.superapp.batch.sandbox;

import java.time.Instant;

/**
 * One push the sandbox delivered to one recipient, recorded so tests can assert that nobody got
 * a push twice.
 *
 * @param endpoint   {@link OpenApiPaths#SEND_NOTIFY}, {@link OpenApiPaths#SEND_ACTIVITY} or
 *                   {@link OpenApiPaths#SEND_CARD_FORM}
 * @param openId     the recipient: an openId, or the card's uniqueId for a card form
 * @param activityId the activity card, or null for the other pushes
 * @param requestId  the card form's {@code requestId}, or null for the other pushes
 * @param status     1 shown (every notification and card form, an activity card displayed), 0 an activity
 *                   card withdrawn
 * @param time       when the sandbox delivered it
 */
public record Delivery(String endpoint, String openId, String activityId, String requestId, int status,
                       Instant time) {

    /** Whether the recipient saw something: a notification, a card form or a displayed activity card. */
    public boolean visible() {
        return status == 1;
    }
}
