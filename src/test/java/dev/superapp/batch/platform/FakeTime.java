package dev.superapp.batch.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond ticker that only moves when something sleeps on it: waits are recorded, never spent. */
final class FakeTime implements Sleeper, LongSupplier {

    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        if (!duration.isZero()) {
            waits.add(duration);
            nanos.addAndGet(duration.toNanos());
        }
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Every non-zero wait, in order. */
    List<Duration> waits() {
        return List.copyOf(waits);
    }

    Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }
}
