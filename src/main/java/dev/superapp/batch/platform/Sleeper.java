package dev.superapp.batch.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between platform attempts. Injected so that tests of retry sequences can record the
 * waits and advance a fake clock instead of really sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps the calling thread. */
    Sleeper REAL = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
