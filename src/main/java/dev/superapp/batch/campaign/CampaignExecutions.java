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

/** A campaign's executions: one job instance per campaign id and job, identified by {@value CampaignJobConfiguration#CAMPAIGN_PARAMETER}. */
@Component
class CampaignExecutions {

    private static final int READ_ATTEMPTS = 3;

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;

    CampaignExecutions(JobRepository jobRepository, JobOperator jobOperator) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    static JobParameters parameters(String campaignId) {
        return new JobParametersBuilder()
                .addString(CampaignJobConfiguration.CAMPAIGN_PARAMETER, campaignId).toJobParameters();
    }

    /** The last execution of {@code jobName} for the campaign, if it was ever started. */
    Optional<JobExecution> last(String jobName, String campaignId) {
        for (int attempt = 1; ; attempt++) {
            try {
                JobInstance instance = jobRepository.getJobInstance(jobName, parameters(campaignId));
                return Optional.ofNullable(instance == null ? null : jobRepository.getLastJobExecution(instance));
            } catch (PessimisticLockingFailureException deadlockVictim) {
                // The job repository reads the last execution in its create isolation (SERIALIZABLE), so on InnoDB
                // a page's read beside a running step can be chosen as a deadlock victim. The read changed nothing.
                if (attempt == READ_ATTEMPTS) {
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
