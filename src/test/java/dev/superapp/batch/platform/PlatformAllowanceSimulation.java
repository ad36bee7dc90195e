package dev.superapp.batch.platform;

import dev.superapp.batch.sandbox.CapacityLimiter;
import dev.superapp.batch.sandbox.LimiterShape;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A campaign's senders against a throttling platform, on simulated time: {@code senders} threads each send
 * one request at a time, paced by the limiter; the platform (one of the sandbox's {@link LimiterShape}s)
 * decides on arrival and answers after the latency; a throttled call waits Retry-After (1 s) and goes
 * through the limiter again. Deterministic: no thread, no clock, no sleep.
 */
final class PlatformAllowanceSimulation {

    /** What the run achieved; {@code peakRate} is the highest rate the limiter allowed. */
    record Result(long accepted, long throttled, Duration elapsed, double peakRate) {

        double acceptedPerSecond() {
            return accepted * 1e9 / elapsed.toNanos();
        }

        double throttledShare() {
            return (double) throttled / (accepted + throttled);
        }
    }

    private record Event(long at, long order, Runnable action) {
    }

    private final AtomicLong now = new AtomicLong();
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final AdaptiveRateLimiter limiter;
    private final CapacityLimiter platform;
    private final long latency;
    private long order;
    private long started;
    private long accepted;
    private long throttled;
    private double peakRate;

    /**
     * @param limiterOf builds the limiter under test on the simulated clock
     * @param allowance the platform's requests per second
     */
    PlatformAllowanceSimulation(Function<LongSupplier, AdaptiveRateLimiter> limiterOf, LimiterShape shape,
                                double allowance, Duration latency) {
        this.limiter = limiterOf.apply(now::get);
        // The platform's windows do not start with our run.
        this.platform = shape.limiter(allowance, () -> now.get() + Duration.ofMillis(370).toNanos());
        this.latency = latency.toNanos();
    }

    /** Sends {@code requests} requests (each until accepted) from {@code senders} senders; once. */
    Result run(int senders, int requests) {
        for (int i = 0; i < senders; i++) {
            at(0, () -> next(requests));
        }
        while (!events.isEmpty()) {
            Event event = events.poll();
            now.set(event.at);
            event.action.run();
        }
        return new Result(accepted, throttled, Duration.ofNanos(now.get()), peakRate);
    }

    private void next(int requests) {
        if (started < requests) {
            started++;
            send(() -> next(requests));
        }
    }

    private void send(Runnable then) {
        long sendAt = now.get() + limiter.reserve().toNanos();
        peakRate = Math.max(peakRate, limiter.currentRate());
        at(sendAt, () -> {
            boolean served = platform.tryAcquire();
            at(now.get() + latency, () -> {
                if (served) {
                    accepted++;
                    limiter.onSuccess();
                    then.run();
                } else {
                    throttled++;
                    limiter.onThrottled();
                    at(now.get() + Duration.ofSeconds(1).toNanos(), () -> send(then));
                }
            });
        });
    }

    private void at(long time, Runnable action) {
        events.add(new Event(time, order++, action));
    }
}
