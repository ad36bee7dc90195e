package dev.superapp.batch.lease;

import org.springframework.batch.core.job.JobExecution;

/**
 * What may run only once at a time, as a lease key: every reconciliation shares one key (two runs would
 * decide the same PENDING orders twice), and a campaign's sending and staging share its key (both write its
 * recipients). Job names and the campaign parameter are fixed names of the contract.
 */
public final class LeaseKeys {

    public static final String RECONCILIATION = "reconciliation";

    private LeaseKeys() {
    }

    public static String campaign(String campaignId) {
        return "campaign:" + campaignId;
    }

    static String of(JobExecution execution) {
        String jobName = execution.getJobInstance().getJobName();
        return switch (jobName) {
            case "reconciliationJob" -> RECONCILIATION;
            case "campaignJob", "campaignStagingJob" -> campaign(execution.getJobParameters().getString("campaign"));
            default -> "job:" + jobName + ":" + execution.getJobInstance().getInstanceId();
        };
    }
}
