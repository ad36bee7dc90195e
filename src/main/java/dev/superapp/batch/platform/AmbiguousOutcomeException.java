package dev.superapp.batch.platform;

/**
 * A request that is not safe to repeat was sent, and no answer came back (a timeout or a
 * dropped connection): the platform may or may not have acted on it.
 */
public class AmbiguousOutcomeException extends PlatformException {

    public AmbiguousOutcomeException(String endpoint, Throwable cause) {
        super(endpoint + " sent, but no answer came back; the platform may have acted on it", cause);
    }

    @Override
    public String rawAnswer() {
        return null;
    }
}
