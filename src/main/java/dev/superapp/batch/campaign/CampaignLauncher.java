package dev.superapp.batch.campaign;

import dev.superapp.batch.system.UserInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
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
    private final PushProperties push;
    private final Clock clock;

    CampaignLauncher(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("campaignJob") Job campaignJob,
                     CampaignStore store, PushChannels channels, PushProgress progress, PushProperties push, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.campaignJob = campaignJob;
        this.store = store;
        this.channels = channels;
        this.progress = progress;
        this.push = push;
        this.clock = clock;
    }

    public PushRun push(CampaignDefinition definition) {
        channels.requireConfigured(definition.channel());
        store.register(definition);
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
            if (last.isRunning()) {
                requireOrphaned(definition.campaignId(), last);
                last = jobOperator.recover(last);
            }
            return describe(jobOperator.restart(last), false);
        } catch (JobExecutionException e) {
            throw new IllegalStateException("could not start campaign " + definition.campaignId() + ": " + e.getMessage(), e);
        }
    }

    private void requireOrphaned(String campaignId, JobExecution running) {
        Instant lastProgress = Stream.concat(Stream.of(running.getLastUpdated(), running.getStartTime()),
                        running.getStepExecutions().stream().map(StepExecution::getLastUpdated))
                .filter(Objects::nonNull).max(LocalDateTime::compareTo)
                .map(time -> time.atZone(ZoneId.systemDefault()).toInstant()).orElse(Instant.EPOCH);
        Duration quiet = Duration.between(lastProgress, clock.instant());
        if (quiet.compareTo(push.orphanAfter()) < 0) {
            throw new UserInputException("campaign " + campaignId + " is being pushed by execution " + running.getId()
                    + " (last progress " + quiet.toSeconds() + " s ago); if its process died, push again after "
                    + push.orphanAfter().toSeconds() + " s without progress");
        }
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
