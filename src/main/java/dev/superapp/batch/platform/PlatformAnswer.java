package dev.superapp.batch.platform;

import okhttp3.Headers;

/**
 * A platform's answer as it arrived, read whole within {@code platform.max-answer-size}: what every
 * platform's answer reader starts from.
 *
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the body as text, kept as evidence
 */
public record PlatformAnswer(int status, Headers headers, String body) {

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * The HTTP statuses every platform answers the same way: 429 is throttling (the platform did not act)
     * and 5xx a server fault (it may have acted); both are {@link UnusableAnswer}s for the caller to
     * decide on by the endpoint's {@link CallKind}.
     */
    public void throwIfThrottledOrFault(PlatformEndpoint endpoint) throws UnusableAnswer {
        if (status == 429) {
            throw UnusableAnswer.throttled(endpoint.label() + " answered HTTP 429", header("Retry-After"), body);
        }
        if (status >= 500) {
            throw UnusableAnswer.serverFault(endpoint.label() + " answered HTTP " + status, body);
        }
    }
}
