package dev.superapp.batch.platform;

import dev.superapp.batch.system.UserInputException;

/**
 * A platform client was used without its settings, e.g. {@code superapp.secret}. The message
 * names the property and its environment variable, never a value of a secret. Not a
 * {@link PlatformException}: no platform was asked, and no retry or per-item handling can help;
 * the person running the program fixes it, so the command line reports it as bad configuration.
 */
public class PlatformNotConfiguredException extends UserInputException {

    public PlatformNotConfiguredException(String message) {
        super(message);
    }
}
