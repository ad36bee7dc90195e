package dev.superapp.batch.faults;

import java.util.Locale;
import java.util.Random;

/**
 * How big the fault suite runs and which random kill points it draws. CI runs it small; the large run is
 * {@code ./mvnw -Pfaults verify} (or any run with {@code -Dfaults.size=large}). Every test prints its seed;
 * {@code -Dfaults.seed=N} replays the same kill points.
 *
 * @param recipients valid recipients of each campaign
 * @param orders     orders of the reconciliation
 * @param killPoints how many times each run is killed before it is let finish
 */
record FaultSuite(int recipients, int orders, int killPoints, long seed) {

    static FaultSuite current() {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        String size = System.getProperty("faults.size", "small").toLowerCase(Locale.ROOT);
        return switch (size) {
            case "small" -> new FaultSuite(300, 300, 2, seed);
            case "large" -> new FaultSuite(5000, 5000, 6, seed);
            default -> throw new IllegalArgumentException("faults.size is small or large, not " + size);
        };
    }

    /** The random kill points of one test, announced so that a failure can be replayed. */
    Random random(String test) {
        System.out.printf("fault suite %s: %d recipients, %d orders, %d kill points, seed %d (replay with -Dfaults.seed=%d)%n",
                test, recipients, orders, killPoints, seed, seed);
        return new Random(seed ^ test.hashCode());
    }
}
