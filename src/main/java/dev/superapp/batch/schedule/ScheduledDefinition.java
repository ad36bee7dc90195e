package dev.superapp.batch.schedule;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * One valid, scheduled job definition read from {@code jobs.dir}.
 *
 * @param name        the Quartz job name: {@code reconciliation}, or {@code campaign:<file name>}
 * @param cron        a valid Quartz cron expression
 * @param file        the definition file, named in messages
 * @param options     reconciliation options (closeAfter, pollAttempts, pollInterval) as written; empty for campaigns
 * @param fingerprint a digest of the file's bytes: an unchanged file leaves its trigger (and any misfire) alone
 * @param campaign    a campaign's definition as parsed by the scan, registered before it is scheduled so that
 *                    its fires push it by id; null for the reconciliation
 */
record ScheduledDefinition(String name, JobKind kind, String cron, ZoneId timeZone, Path file,
                           Map<String, String> options, String fingerprint, CampaignDefinition campaign) {

    ScheduledDefinition {
        options = Map.copyOf(options);
    }

    /** The reconciliation's. */
    ScheduledDefinition(String name, JobKind kind, String cron, ZoneId timeZone, Path file, Map<String, String> options,
                        String fingerprint) {
        this(name, kind, cron, timeZone, file, options, fingerprint, null);
    }
}
