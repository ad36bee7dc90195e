package dev.superapp.batch.console;

import dev.superapp.batch.campaign.CampaignJobConfiguration;
import dev.superapp.batch.reconciliation.ReconciliationJobConfiguration;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * Which job executions a console user sees on the Runs pages and their progress API: marketing the campaign
 * jobs, finance the reconciliations, an admin every job. Exit descriptions (often a stack trace's message with
 * internal detail) are shown whole to admins only; others see their first line.
 *
 * @param jobNames the jobs seen; ignored when {@code everyJob}
 */
public record RunScope(boolean everyJob, Set<String> jobNames) {

    public static RunScope of(Authentication authentication) {
        ConsoleViewer viewer = ConsoleViewer.of(authentication);
        if (viewer.admin()) {
            return new RunScope(true, Set.of());
        }
        Set<String> jobs = new HashSet<>();
        if (viewer.campaigns()) {
            jobs.add(CampaignJobConfiguration.JOB_NAME);
            jobs.add(CampaignJobConfiguration.STAGING_JOB_NAME);
        }
        if (viewer.reports()) {
            jobs.add(ReconciliationJobConfiguration.JOB_NAME);
        }
        return new RunScope(false, Set.copyOf(jobs));
    }

    public boolean sees(String jobName) {
        return everyJob || jobNames.contains(jobName);
    }

    /** The whole description for an admin, its first line for anyone else; null stays null. */
    public String exitDescription(String description) {
        if (everyJob || description == null) {
            return description;
        }
        int end = description.indexOf('\n');
        return (end < 0 ? description : description.substring(0, end)).strip();
    }
}
