package dev.superapp.batch.lease;

import java.time.Duration;

/**
 * How often a running job renews its lease, and how old a heartbeat must be for its run to count as dead.
 * The timeout is several heartbeats so that a database that answers slowly for a moment, or a long
 * garbage collection, does not make a live run look dead.
 */
public record LeaseSettings(Duration heartbeat, Duration timeout) {

    public LeaseSettings {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("batch.lease.heartbeat must be positive, was " + heartbeat);
        }
        if (timeout.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("batch.lease.timeout (" + timeout
                    + ") must be longer than batch.lease.heartbeat (" + heartbeat + ")");
        }
    }

    /** How often a waiting command reads a lease again: often enough to see one renewal. */
    Duration pollInterval() {
        Duration half = heartbeat.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : half;
    }
}
