package dev.superapp.batch.platform;

import java.util.function.Supplier;

/**
 * What a platform client builds from its settings (signer, base URL, keys), built and checked when the
 * client is first used rather than when the application starts: an application that never calls a
 * platform starts without its credentials. Until the settings are good every use checks them again,
 * so the message names the first missing setting each time. Thread-safe.
 */
public final class CheckedOnFirstUse<T> {

    private final Supplier<T> build;
    private volatile T built;

    /** @param build checks the settings and builds; throws {@link PlatformNotConfiguredException} naming what is missing */
    public CheckedOnFirstUse(Supplier<T> build) {
        this.build = build;
    }

    public T get() {
        T value = built;
        if (value == null) {
            // Two threads racing here build equal values from the same settings; either may win.
            value = build.get();
            built = value;
        }
        return value;
    }
}
