package dev.superapp.batch.reconciliation;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation settings; a run's job parameters (from {@code jobs/reconciliation.yaml}) override them.
 *
 * @param closeAfter   age after which a still-processing order's trade is closed
 * @param pollAttempts {@code tradedetail} asks per order in one run while it says processing, the first included
 * @param pollInterval wait between those asks
 * @param chunkSize    orders per transaction; a chunk's orders are asked about at once, up to
 *                     {@code platform.max-in-flight}, and the chunk waits for its slowest: a multiple of
 *                     max-in-flight large enough that the chunk's write and last wave are small beside it
 * @param timeZone     the zone whose "today" is the default business date; the system zone when unset
 * @param platform     which payment platform the orders are reconciled against: {@code superapp} (seed 001)
 *                     or {@code mos} (seed 002)
 */
@ConfigurationProperties("reconciliation")
public record ReconciliationProperties(
        @DefaultValue("30m") Duration closeAfter,
        @DefaultValue("3") int pollAttempts,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("1024") int chunkSize,
        ZoneId timeZone,
        @DefaultValue("superapp") String platform) {

    public ReconciliationProperties {
        if (pollAttempts < 1) {
            throw new IllegalArgumentException("reconciliation.poll-attempts must be at least 1, was " + pollAttempts);
        }
        if (closeAfter.isNegative() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("reconciliation.close-after and poll-interval must not be negative");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("reconciliation.chunk-size must be at least 1, was " + chunkSize);
        }
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
    }
}
