package dev.superapp.batch.campaign;

import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * A campaign's executions: one job instance per campaign id and job, identified by
 * {@value CampaignJobConfiguration#CAMPAIGN_PARAMETER}, and for {@code campaignJob} one more per resend, identified by
 * {@value CampaignJobConfiguration#ATTEMPT_PARAMETER} too.
 */
@Component
class CampaignExecutions {

    private static final int READ_ATTEMPTS = 3;

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final CampaignResends resends;

    CampaignExecutions(JobRepository jobRepository, JobOperator jobOperator, CampaignResends resends) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.resends = resends;
    }

    static JobParameters parameters(String campaignId) {
        return parameters(campaignId, 1);
    }

    /** The first attempt keeps the parameters campaigns always had, so their instances are found as before. */
    static JobParameters parameters(String campaignId, int attempt) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(CampaignJobConfiguration.CAMPAIGN_PARAMETER, campaignId);
        if (attempt > 1) {
            parameters.addLong(CampaignJobConfiguration.ATTEMPT_PARAMETER, (long) attempt);
        }
        return parameters.toJobParameters();
    }

    /**
     * The last execution of {@code jobName} for the campaign, if it was ever started: for {@code campaignJob}, that of
     * its latest attempt that started (a resend asked but not yet started leaves the previous attempt's).
     */
    Optional<JobExecution> last(String jobName, String campaignId) {
        int latest = jobName.equals(CampaignJobConfiguration.JOB_NAME) ? resends.latestAttempt(campaignId) : 1;
        for (int attempt = latest; attempt >= 1; attempt--) {
            Optional<JobExecution> last = last(jobName, campaignId, attempt);
            if (last.isPresent()) {
                return last;
            }
        }
        return Optional.empty();
    }

    /** The last execution of one attempt of the campaign. */
    Optional<JobExecution> last(String jobName, String campaignId, int attempt) {
        for (int read = 1; ; read++) {
            try {
                JobInstance instance = jobRepository.getJobInstance(jobName, parameters(campaignId, attempt));
                return Optional.ofNullable(instance == null ? null : jobRepository.getLastJobExecution(instance));
            } catch (PessimisticLockingFailureException deadlockVictim) {
                // The job repository reads the last execution in its create isolation (SERIALIZABLE), so on InnoDB
                // a page's read beside a running step can be chosen as a deadlock victim. The read changed nothing.
                if (read == READ_ATTEMPTS) {
                    throw deadlockVictim;
                }
            }
        }
    }

    /**
     * Marks the last execution ABANDONED, unless it completed or already was, so that nothing can restart it.
     *
     * @return false when it is still running (still stopping): nothing was changed
     */
    boolean abandonLast(String jobName, String campaignId) {
        Optional<JobExecution> last = last(jobName, campaignId)
                .filter(execution -> execution.getStatus() != BatchStatus.ABANDONED && execution.getStatus() != BatchStatus.COMPLETED);
        try {
            if (last.isPresent()) {
                jobOperator.abandon(last.get());
            }
            return true;
        } catch (JobExecutionAlreadyRunningException stillStopping) {
            return false;
        }
    }
}
