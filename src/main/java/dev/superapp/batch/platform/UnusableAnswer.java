package dev.superapp.batch.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * A platform answer that carries no decision: the platform was throttling, had a fault, or said
 * something we cannot read. Thrown by a {@link ResilientCaller.Attempt}; the caller decides by
 * {@link #kind()} and the {@link CallKind} whether to try again (see {@code NextStep}). It never leaves the caller:
 * callers of a client see a {@link PlatformException} instead.
 */
public final class UnusableAnswer extends Exception {

    /** Why the answer is unusable. */
    public enum Kind {
        /** HTTP 429 or the platform's own throttling code: wait, then try again. */
        THROTTLED,
        /**
         * HTTP 5xx or the platform's own fault code: the platform may have acted (a gateway in front can
         * time out after the backend did), so only a call that is safe to repeat tries again.
         */
        SERVER_FAULT,
        /** Not the answer the contract promises; the platform may or may not have acted. */
        MALFORMED
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final String rawAnswer;

    private UnusableAnswer(Kind kind, String message, Duration retryAfter, String rawAnswer, Throwable cause) {
        // Control flow between an attempt and its caller: a stack trace would only cost time.
        super(message, cause, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.rawAnswer = rawAnswer;
    }

    /**
     * @param retryAfterHeader the {@code Retry-After} header as received (whole seconds); null, or
     *                         anything that is not a non-negative number of seconds, means "not said"
     */
    public static UnusableAnswer throttled(String message, String retryAfterHeader, String rawAnswer) {
        return new UnusableAnswer(Kind.THROTTLED, message, parseSeconds(retryAfterHeader), rawAnswer, null);
    }

    public static UnusableAnswer serverFault(String message, String rawAnswer) {
        return new UnusableAnswer(Kind.SERVER_FAULT, message, null, rawAnswer, null);
    }

    public static UnusableAnswer malformed(String message, String rawAnswer, Throwable cause) {
        return new UnusableAnswer(Kind.MALFORMED, message, null, rawAnswer, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** How long the platform asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The answer body as received; may be null. */
    public String rawAnswer() {
        return rawAnswer;
    }

    private static Duration parseSeconds(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            // An HTTP-date form is allowed by RFC 9110 but not used by these platforms: fall back to backoff.
            return null;
        }
    }
}
