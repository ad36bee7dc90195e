package dev.superapp.batch.schedule;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * One valid, scheduled job definition read from {@code jobs.dir}.
 *
 * @param name        the Quartz job name: {@code reconciliation}, or {@code campaign:<file name>}
 * @param cron        a valid Quartz cron expression
 * @param file        the definition file; a campaign's is parsed again when it fires, so the push sends what it says then
 * @param options     reconciliation options (closeAfter, pollAttempts, pollInterval) as written; empty for campaigns
 * @param fingerprint a digest of the file's bytes: an unchanged file leaves its trigger (and any misfire) alone
 */
record ScheduledDefinition(String name, JobKind kind, String cron, ZoneId timeZone, Path file,
                           Map<String, String> options, String fingerprint) {

    ScheduledDefinition {
        options = Map.copyOf(options);
    }
}
