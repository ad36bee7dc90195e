package dev.superapp.batch.platform;

/**
 * What repeating a platform request would do, which decides what {@link ResilientCaller} may
 * retry. Answers of 429 and 5xx are always retried: the platform did not act on them.
 */
public enum CallKind {

    /** Changes nothing: repeated after timeouts, dropped connections and unreadable answers. */
    READ,

    /**
     * Changes something, but the platform de-duplicates it (closing a trade, an activity card with
     * the same {@code activityId}): repeated after timeouts and dropped connections. An unreadable
     * answer is not retried.
     */
    REPEATABLE_WRITE,

    /**
     * Must not reach the platform twice (a notification): once the request may have been sent,
     * a timeout, a dropped connection or an unreadable answer is an {@link AmbiguousOutcomeException}.
     */
    UNREPEATABLE_WRITE
}
