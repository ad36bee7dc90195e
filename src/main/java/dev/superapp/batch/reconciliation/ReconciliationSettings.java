package dev.superapp.batch.reconciliation;

import java.time.Duration;

/** The settings one run uses: the properties, overridden by that run's job parameters. */
record ReconciliationSettings(Duration closeAfter, int pollAttempts, Duration pollInterval) {
}
