package dev.superapp.batch.bench;

import java.time.Duration;

/**
 * What one measured run did: how many items in how long, and the CPU time it took.
 *
 * @param items   orders, requests or rows
 * @param elapsed wall-clock time of the measured part of the run
 * @param cpu     CPU time of the job's process, the in-process sandbox's threads excluded; null when not measured
 */
public record Throughput(long items, Duration elapsed, Duration cpu) {

    public double perSecond() {
        return items / (elapsed.toNanos() / 1e9);
    }

    /** CPU milliseconds per item. */
    public double cpuMillisPerItem() {
        return cpu.toNanos() / 1e6 / items;
    }

    /** For example {@code 20000 orders in 31.2 s = 641.0 orders/s, CPU 0.950 ms per order}. */
    public String describe(String unit) {
        String rate = String.format("%d %s in %.1f s = %.1f %s/s", items, unit, elapsed.toMillis() / 1e3, perSecond(),
                unit);
        return cpu == null ? rate : rate + String.format(", CPU %.3f ms per %s", cpuMillisPerItem(), singular(unit));
    }

    private static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }
}
