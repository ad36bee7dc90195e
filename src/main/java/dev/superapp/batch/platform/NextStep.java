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
 *   <li>a failure to connect: {@link #RETRY}, on every kind of call: the request never left;</li>
 *   <li>anything else — a server fault (5xx, status 500), a timeout, a dropped connection, an
 *       unreadable answer — may come after the platform acted: {@link #RETRY} when the call is
 *       {@linkplain CallKind#safeToRepeat() safe to repeat}, {@link #AMBIGUOUS} when it is not.</li>
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
        return answer == UnusableAnswer.Kind.THROTTLED ? WAIT_THROTTLED : afterPossibleAction(call);
    }

    static NextStep afterNoAnswer(CallKind call, IOException failure) {
        return neverLeft(failure) ? RETRY : afterPossibleAction(call);
    }

    private static NextStep afterPossibleAction(CallKind call) {
        return call.safeToRepeat() ? RETRY : AMBIGUOUS;
    }

    /**
     * Only a failure to connect proves the request never left; a timeout is ambiguous even while
     * connecting, so it counts as reached.
     */
    private static boolean neverLeft(IOException failure) {
        return failure instanceof ConnectException
                || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException;
    }
}
