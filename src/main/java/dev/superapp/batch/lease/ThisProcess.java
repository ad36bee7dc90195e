package dev.superapp.batch.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * This JVM as a lease names it (host, pid, start time), and whether the process a lease names on this host
 * still runs: a run killed here is known dead at once, without waiting for its heartbeat to expire.
 */
record ThisProcess(String host, long pid, Long started) {

    /** Start times read twice from the system may differ by rounding; pids are not reused that fast. */
    private static final long START_TOLERANCE_MILLIS = 1000;

    static ThisProcess current() {
        ProcessHandle self = ProcessHandle.current();
        return new ThisProcess(hostName(), self.pid(), startOf(self).orElse(null));
    }

    /** Whether {@code lease} was taken on this host, where its process can be looked up. */
    boolean sameHost(JobLease lease) {
        return host.equals(lease.host());
    }

    /** Whether the process that took {@code lease} on this host is still running (not a newcomer with its pid). */
    boolean holderRuns(JobLease lease) {
        Optional<ProcessHandle> holder = ProcessHandle.of(lease.pid()).filter(ProcessHandle::isAlive);
        if (holder.isEmpty()) {
            return false;
        }
        Optional<Long> start = startOf(holder.get());
        return lease.processStarted() == null || start.isEmpty()
                || Math.abs(start.get() - lease.processStarted()) < START_TOLERANCE_MILLIS;
    }

    /** Whether {@code lease} was taken by this very JVM (same host, pid and start). */
    boolean isHolder(JobLease lease) {
        return sameHost(lease) && lease.pid() == pid
                && (lease.processStarted() == null || started == null
                || Math.abs(lease.processStarted() - started) < START_TOLERANCE_MILLIS);
    }

    private static Optional<Long> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // Still one name per machine, so that runs of this host are told apart from other hosts'.
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }
}
