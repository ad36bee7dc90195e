package dev.superapp.batch.platform;

/**
 * A platform client was used without its settings, e.g. {@code superapp.secret}. The message
 * names the property and its environment variable, never a value of a secret. Not a
 * {@link PlatformException}: no platform was asked, and no retry or per-item handling can help.
 */
public class PlatformNotConfiguredException extends IllegalStateException {

    public PlatformNotConfiguredException(String message) {
        super(message);
    }
}
