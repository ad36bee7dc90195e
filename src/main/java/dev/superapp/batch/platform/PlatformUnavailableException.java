package dev.superapp.batch.platform;

/**
 * No trustworthy answer within the retry budget: every attempt timed out, failed to connect,
 * answered 5xx or 429, or (on reads) answered something that does not parse.
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
