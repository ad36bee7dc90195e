package dev.superapp.batch.platform;

/**
 * No trustworthy answer within the retry budget: every attempt failed to connect or was throttled,
 * or, on a call that is safe to repeat, also timed out, answered 5xx or answered something that does
 * not parse. On an unrepeatable write it means the platform did not act: the request never left or
 * was throttled.
 */
public class PlatformUnavailableException extends PlatformException {

    private final int attempts;
    private final String rawAnswer;

    public PlatformUnavailableException(String endpoint, int attempts, String lastFailure, String rawAnswer, Throwable cause) {
        super(endpoint + " gave no usable answer after " + attempts + " attempt(s): " + lastFailure, cause);
        this.attempts = attempts;
        this.rawAnswer = rawAnswer;
    }

    public int attempts() {
        return attempts;
    }

    @Override
    public String rawAnswer() {
        return rawAnswer;
    }
}
