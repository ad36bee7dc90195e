package dev.superapp.batch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The machine a figure was measured on: cores and load. Other builds share the machine, so every
 * figure is printed with the load average next to it.
 */
public final class Machine {

    private Machine() {
    }

    /** For example {@code 2 cores, load 1.52}. */
    public static String describe() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return String.format("%d cores, load %.2f", os.getAvailableProcessors(), os.getSystemLoadAverage());
    }
}
