package dev.superapp.batch.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Decides which fault, if any, strikes a request: first the faults queued for its path by a
 * test, then a draw from the seeded random rates. Draws happen under one lock so that requests
 * sent one after another see the same faults on every run with the same seed.
 */
final class FaultInjector {

    private final FaultRates rates;
    private final Random random;
    private final Map<String, Deque<Fault>> queued = new HashMap<>();

    FaultInjector(FaultRates rates, long seed) {
        this.rates = rates;
        this.random = new Random(seed);
    }

    /** Forgets every queued fault, so the next test starts from a platform that answers. */
    synchronized void clearQueued() {
        queued.clear();
    }

    synchronized void failNext(String path, int count, Fault fault) {
        if (!OpenApiPaths.ALL.contains(path)) {
            throw new IllegalArgumentException("the sandbox has no endpoint " + path);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        Objects.requireNonNull(fault, "fault");
        Deque<Fault> faults = queued.computeIfAbsent(path, any -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            faults.addLast(fault);
        }
    }

    synchronized Optional<Fault> next(String path) {
        Deque<Fault> faults = queued.get(path);
        if (faults != null && !faults.isEmpty()) {
            return Optional.of(faults.removeFirst());
        }
        return draw();
    }

    private Optional<Fault> draw() {
        double draw = random.nextDouble();
        double bound = rates.http5xx();
        if (draw < bound) {
            return Optional.of(random.nextBoolean() ? Fault.HTTP_500 : Fault.HTTP_503);
        }
        if (draw < (bound += rates.http429())) {
            return Optional.of(Fault.HTTP_429);
        }
        if (draw < (bound += rates.status500InBody())) {
            return Optional.of(Fault.STATUS_500_IN_BODY);
        }
        if (draw < (bound += rates.timeout())) {
            return Optional.of(Fault.TIMEOUT);
        }
        if (draw < bound + rates.malformedJson()) {
            return Optional.of(Fault.MALFORMED_JSON);
        }
        return Optional.empty();
    }
}
