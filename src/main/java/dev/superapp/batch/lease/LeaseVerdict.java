package dev.superapp.batch.lease;

/** What a lease says about the run holding it. */
enum LeaseVerdict {
    /** Its process still runs it here, or still runs on this host: never taken over, however slow the run. */
    LIVE,
    /**
     * Its heartbeat is older than {@code batch.lease.timeout}, its process on this host is gone (or is this one and
     * no longer runs it), or the run ended.
     */
    DEAD,
    /** Held from another host with a recent heartbeat: only a renewal (alive) or its expiry (dead) tells. */
    UNSURE
}
