package dev.superapp.batch.campaign;

import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** A campaign's executions: one job instance per campaign id and job, identified by {@value CampaignJobConfiguration#CAMPAIGN_PARAMETER}. */
@Component
class CampaignExecutions {

    private final JobRepository jobRepository;

    CampaignExecutions(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    static JobParameters parameters(String campaignId) {
        return new JobParametersBuilder()
                .addString(CampaignJobConfiguration.CAMPAIGN_PARAMETER, campaignId).toJobParameters();
    }

    /** The last execution of {@code jobName} for the campaign, if it was ever started. */
    Optional<JobExecution> last(String jobName, String campaignId) {
        JobInstance instance = jobRepository.getJobInstance(jobName, parameters(campaignId));
        return Optional.ofNullable(instance == null ? null : jobRepository.getLastJobExecution(instance));
    }
}
