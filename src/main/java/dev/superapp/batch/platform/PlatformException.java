package dev.superapp.batch.platform;

/**
 * A platform call that did not give a usable answer. Messages name the endpoint and what the
 * platform said; they never contain credentials or signatures.
 */
public abstract class PlatformException extends RuntimeException {

    protected PlatformException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The answer body, if one arrived, kept as evidence; may be null. */
    public abstract String rawAnswer();
}
