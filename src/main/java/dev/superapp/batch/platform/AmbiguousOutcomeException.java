package dev.superapp.batch.platform;

/**
 * A request that is not safe to repeat was sent, and no usable answer came back (a timeout, a
 * dropped connection, or an answer that cannot be read): the platform may or may not have acted on it.
 */
public class AmbiguousOutcomeException extends PlatformException {

    private final String rawAnswer;

    public AmbiguousOutcomeException(String endpoint, Throwable cause) {
        super(endpoint + " sent, but no answer came back; the platform may have acted on it", cause);
        this.rawAnswer = null;
    }

    /** An answer came back but says nothing trustworthy, e.g. it does not parse. */
    public AmbiguousOutcomeException(String endpoint, String problem, String rawAnswer, Throwable cause) {
        super(endpoint + " sent, but its answer is unusable (" + problem + "); the platform may have acted on it", cause);
        this.rawAnswer = rawAnswer;
    }

    @Override
    public String rawAnswer() {
        return rawAnswer;
    }
}
