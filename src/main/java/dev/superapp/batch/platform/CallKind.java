package dev.superapp.batch.platform;

/**
 * What repeating a platform request would do, which decides what {@link ResilientCaller} may
 * retry. Every endpoint says which kind it is, so the fault policy is a property of the call.
 *
 * <p>A throttle answer (HTTP 429, status 429, the card form's {@code 00002}) means the platform did
 * not act, and a failure to connect means the request never left: both are retried on every kind.
 * Anything else that goes wrong once the request may have reached the platform — a 5xx of any kind
 * (a gateway in front can time out after the backend acted), a timeout, a dropped connection, an
 * answer that cannot be read — is ambiguous: retried only when a repeat is safe.
 */
public enum CallKind {

    /** Changes nothing: repeated after every ambiguous failure. */
    READ(true),

    /**
     * Changes something, but a repeat changes nothing more (closing a trade, an activity card with
     * the same {@code activityId}, a card form with the same {@code requestId}): repeated after every
     * ambiguous failure, with the same id.
     */
    REPEATABLE_WRITE(true),

    /**
     * Must not reach the platform twice (a notification): once the request may have been sent, any
     * ambiguous failure ends the call with an {@link AmbiguousOutcomeException}, never a repeat.
     */
    UNREPEATABLE_WRITE(false);

    private final boolean safeToRepeat;

    CallKind(boolean safeToRepeat) {
        this.safeToRepeat = safeToRepeat;
    }

    /** Whether a request that may have reached the platform can be sent again without acting twice. */
    public boolean safeToRepeat() {
        return safeToRepeat;
    }
}
