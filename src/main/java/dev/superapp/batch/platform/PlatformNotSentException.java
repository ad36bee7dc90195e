package dev.superapp.batch.platform;

/**
 * A call held back just before an attempt would have left ({@link ResilientCaller#call(PlatformEndpoint,
 * java.util.function.BooleanSupplier, ResilientCaller.Attempt)}), with nothing of it having reached the platform:
 * no attempt left, or every one was throttled. An earlier attempt that may have acted ends ambiguous instead.
 */
public class PlatformNotSentException extends PlatformException {

    public PlatformNotSentException(String endpoint) {
        super(endpoint + " was not sent: held back before it left", null);
    }

    @Override
    public String rawAnswer() {
        return null;
    }
}
