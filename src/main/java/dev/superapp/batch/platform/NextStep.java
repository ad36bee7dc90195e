package dev.superapp.batch.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * What a {@link ResilientCaller} does after a failed attempt, decided from the kind of call and
 * the kind of failure alone:
 * <ul>
 *   <li>throttled (429): {@link #WAIT_THROTTLED}, on every kind of call: the platform did not act;</li>
 *   <li>server fault (5xx): {@link #RETRY}, on every kind of call, for the same reason;</li>
 *   <li>timeout or dropped connection: {@link #RETRY}, unless an {@link CallKind#UNREPEATABLE_WRITE}
 *       may have reached the platform: {@link #AMBIGUOUS};</li>
 *   <li>unreadable answer: {@link #RETRY} on a {@link CallKind#READ} and on a
 *       {@link CallKind#REPEATABLE_WRITE} (the platform may have acted, and doing it again is safe:
 *       it de-duplicates, or the write is idempotent), {@link #AMBIGUOUS} on an unrepeatable write.</li>
 * </ul>
 */
enum NextStep {

    /** Wait as the platform asked (or a backoff); uses up no attempt. */
    WAIT_THROTTLED,
    /** Wait a backoff and try again; uses up one attempt. */
    RETRY,
    /** Stop: the platform may or may not have acted. */
    AMBIGUOUS;

    static NextStep afterAnswer(CallKind call, UnusableAnswer.Kind answer) {
        switch (answer) {
            case THROTTLED:
                return WAIT_THROTTLED;
            case SERVER_FAULT:
                return RETRY;
            default:
                return call == CallKind.UNREPEATABLE_WRITE ? AMBIGUOUS : RETRY;
        }
    }

    static NextStep afterNoAnswer(CallKind call, IOException failure) {
        return call == CallKind.UNREPEATABLE_WRITE && mayHaveReachedPlatform(failure) ? AMBIGUOUS : RETRY;
    }

    /**
     * Only a failure to connect proves the request never left; a timeout is ambiguous even while
     * connecting, so it counts as reached.
     */
    private static boolean mayHaveReachedPlatform(IOException failure) {
        return !(failure instanceof ConnectException
                || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException);
    }
}
