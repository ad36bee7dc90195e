package dev.superapp.batch.sandbox;

import java.time.Instant;

/**
 * One push the sandbox delivered to one recipient, recorded so tests can assert that nobody got
 * a push twice.
 *
 * @param endpoint   {@link OpenApiPaths#SEND_NOTIFY} or {@link OpenApiPaths#SEND_ACTIVITY}
 * @param openId     the recipient
 * @param activityId the activity card, or null for a notification
 * @param status     1 shown (every notification, an activity card displayed), 0 an activity card withdrawn
 * @param time       when the sandbox delivered it
 */
public record Delivery(String endpoint, String openId, String activityId, int status, Instant time) {

    /** Whether the recipient saw something: a notification or a displayed activity card. */
    public boolean visible() {
        return status == 1;
    }
}
