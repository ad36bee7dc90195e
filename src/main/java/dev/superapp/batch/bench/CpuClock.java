package dev.superapp.batch.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * CPU time used by this process, and by the part of it that is the in-process platform sandbox, so that
 * a benchmark can tell the job's own CPU time from the simulator's.
 */
public final class CpuClock {

    private static final String SANDBOX_THREADS = "superapp-sandbox-";
    // The JDK HTTP server's accept loop; it belongs to the sandbox too.
    private static final String HTTP_DISPATCHER = "HTTP-Dispatcher";

    private final long processStart;
    private final long sandboxStart;

    private CpuClock(long processStart, long sandboxStart) {
        this.processStart = processStart;
        this.sandboxStart = sandboxStart;
    }

    public static CpuClock start() {
        return new CpuClock(processNanos(), sandboxNanos());
    }

    /** CPU time of the whole process since {@link #start}. */
    public Duration process() {
        return Duration.ofNanos(processNanos() - processStart);
    }

    /** CPU time since {@link #start} of every thread but the sandbox's: the job, its database and its client. */
    public Duration withoutSandbox() {
        return process().minusNanos(sandboxNanos() - sandboxStart);
    }

    private static long processNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Sandbox threads live on in a cached pool for a minute, long after their last request: few are lost. */
    private static long sandboxNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith(SANDBOX_THREADS)
                    || info.getThreadName().startsWith(HTTP_DISPATCHER))) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }
}
