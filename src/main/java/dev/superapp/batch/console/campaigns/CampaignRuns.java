package dev.superapp.batch.console.campaigns;

import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** A campaign's {@code campaignJob} executions as its page needs them: the latest, for its live progress. */
@Component
class CampaignRuns {

    private final JobRepository jobRepository;

    CampaignRuns(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    Optional<Long> lastExecutionId(String campaignId) {
        return last(campaignId).map(JobExecution::getId);
    }

    /** The delivery report has been written (the last step records its path). */
    boolean reported(String campaignId) {
        return last(campaignId).map(execution -> execution.getExecutionContext().containsKey("report.path")).orElse(false);
    }

    private Optional<JobExecution> last(String campaignId) {
        JobInstance instance = jobRepository.getJobInstance("campaignJob",
                new JobParametersBuilder().addString("campaign", campaignId).toJobParameters());
        return Optional.ofNullable(instance).map(jobRepository::getLastJobExecution);
    }
}
