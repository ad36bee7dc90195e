package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.report.DeliveryReportTasklet;
import dev.superapp.batch.campaign.sending.PushChannels;
import dev.superapp.batch.campaign.sending.PushProgress;
import dev.superapp.batch.system.OrphanedExecutions;
import dev.superapp.batch.system.UserInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Pushes a campaign: the first time it starts {@code campaignJob}; a campaign that did not finish
 * (failed, stopped, or its process was killed) is resumed; a finished one sends nothing.
 */
@Service
public class CampaignLauncher {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job campaignJob;
    private final CampaignStore store;
    private final PushChannels channels;
    private final PushProgress progress;
    private final OrphanedExecutions orphans;

    CampaignLauncher(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("campaignJob") Job campaignJob,
                     CampaignStore store, PushChannels channels, PushProgress progress, OrphanedExecutions orphans) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.campaignJob = campaignJob;
        this.store = store;
        this.channels = channels;
        this.progress = progress;
        this.orphans = orphans;
    }

    public PushRun push(CampaignDefinition definition) {
        channels.requireConfigured(definition.channel());
        store.register(definition);
        if (store.status(definition.campaignId()) == CampaignStatus.CANCELED) {
            throw new UserInputException("campaign " + definition.campaignId()
                    + " was cancelled and is not sent again; use a new campaign id");
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(CampaignJobConfiguration.CAMPAIGN_PARAMETER, definition.campaignId()).toJobParameters();
        JobInstance instance = jobRepository.getJobInstance(CampaignJobConfiguration.JOB_NAME, parameters);
        progress.reset();
        try {
            if (instance == null) {
                return describe(jobOperator.start(campaignJob, parameters), false);
            }
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last.getStatus() == BatchStatus.COMPLETED) {
                return describe(last, true);
            }
            return describe(jobOperator.restart(orphans.recoverIfOrphaned(last, "campaign " + definition.campaignId())), false);
        } catch (JobExecutionException e) {
            throw new IllegalStateException("could not start campaign " + definition.campaignId() + ": " + e.getMessage(), e);
        }
    }

    /** Checks the platform settings a campaign's channel needs, before a restart sends anything. */
    public void requirePlatformFor(String campaignId) {
        store.find(campaignId).ifPresent(campaign -> channels.requireConfigured(campaign.channel()));
    }

    /** The campaign's latest push, if it was ever started: the console's reports read its report path from it. */
    public Optional<PushRun> lastRun(String campaignId) {
        JobParameters parameters = new JobParametersBuilder()
                .addString(CampaignJobConfiguration.CAMPAIGN_PARAMETER, campaignId).toJobParameters();
        JobInstance instance = jobRepository.getJobInstance(CampaignJobConfiguration.JOB_NAME, parameters);
        return Optional.ofNullable(instance == null ? null : jobRepository.getLastJobExecution(instance))
                .map(last -> describe(last, false));
    }

    private PushRun describe(JobExecution execution, boolean alreadyFinished) {
        ExecutionContext context = execution.getExecutionContext();
        String report = context.containsKey(DeliveryReportTasklet.REPORT_KEY) ? context.getString(DeliveryReportTasklet.REPORT_KEY) : null;
        String summary = context.containsKey(DeliveryReportTasklet.SUMMARY_KEY) ? context.getString(DeliveryReportTasklet.SUMMARY_KEY) : null;
        String campaignId = execution.getJobParameters().getString(CampaignJobConfiguration.CAMPAIGN_PARAMETER);
        return new PushRun(campaignId, execution.getId(), execution.getStatus(), alreadyFinished,
                report == null ? null : Path.of(report), summary == null ? null : Path.of(summary),
                store.countByState(campaignId), execution.getExitStatus().getExitDescription());
    }

    /**
     * One push.
     *
     * @param alreadyFinished the campaign had finished before: nothing was sent this time
     * @param counts          recipients per state, over the whole campaign
     */
    public record PushRun(String campaignId, long executionId, BatchStatus status, boolean alreadyFinished,
                          Path report, Path summaryFile, Map<RecipientState, Long> counts, String failure) {

        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }
    }
}
