package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.frequency.PushHistory;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.system.UserInputException;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Stages a registered campaign's audience ahead of sending ({@code campaignStagingJob}), in the background,
 * and previews the result: the counts and first problems come from the staged rows themselves, so the
 * preview is exactly what the campaign will send, however large the file.
 */
@Service
public class AudienceStaging {

    private static final Logger log = LoggerFactory.getLogger(AudienceStaging.class);
    private static final int FIRST_PROBLEMS = 20;

    private final JobOperator jobOperator;
    private final Job stagingJob;
    private final RecipientStore recipients;
    private final CampaignExecutions executions;
    private final CampaignStore store;
    private final PushHistory history;
    /** Two audiences stage at once, each one database writer; more wait their turn without holding a request. */
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    AudienceStaging(JobOperator jobOperator, @Qualifier("campaignStagingJob") Job stagingJob, RecipientStore recipients,
                    CampaignExecutions executions, CampaignStore store, PushHistory history) {
        this.store = store;
        this.history = history;
        this.jobOperator = jobOperator;
        this.stagingJob = stagingJob;
        this.recipients = recipients;
        this.executions = executions;
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("staging-");
        // A staging cut short resumes after its last committed chunk when the campaign is sent.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
    }

    @PreDestroy
    void stopStaging() {
        executor.shutdown();
    }

    /**
     * Starts staging the registered campaign's audience and returns at once. Again after a failed staging,
     * it takes up where that one stopped.
     *
     * @param notStarted told why, when the staging could not start
     */
    void stageInBackground(String campaignId, Consumer<String> notStarted) {
        JobParameters parameters = CampaignExecutions.parameters(campaignId);
        executor.execute(() -> {
            try {
                jobOperator.start(stagingJob, parameters);
            } catch (JobExecutionException | RuntimeException e) {
                // The campaign's page says so and offers to check again; the log has the whole story.
                log.error("could not stage campaign {}: {}", campaignId, e.getMessage(), e);
                notStarted.accept(e.getMessage());
            }
        });
    }

    /**
     * Stages the registered campaign's audience in the caller's thread ({@code push --dry-run}) and previews it.
     * An audience already staged, or a campaign that started sending (its own step staged it), is previewed as it is.
     *
     * @throws UserInputException when the audience is being staged already (the console's check)
     */
    public AudiencePreview stageNow(String campaignId) {
        boolean sending = executions.last(CampaignJobConfiguration.JOB_NAME, campaignId).isPresent();
        JobExecution staging = executions.last(CampaignJobConfiguration.STAGING_JOB_NAME, campaignId).orElse(null);
        if (!sending && (staging == null || staging.getStatus() != BatchStatus.COMPLETED)) {
            try {
                jobOperator.start(stagingJob, CampaignExecutions.parameters(campaignId));
            } catch (JobExecutionAlreadyRunningException e) {
                throw new UserInputException("campaign " + campaignId + " is having its audience checked already; try again when it is done");
            } catch (JobExecutionException e) {
                throw new IllegalStateException("could not stage campaign " + campaignId + ": " + e.getMessage(), e);
            }
        }
        return preview(campaignId);
    }

    public AudiencePreview preview(String campaignId) {
        // The staging's state first: counts read after it had ended are final, counts read before could be
        // partial yet be shown as the preview.
        JobExecution staging = executions.last(CampaignJobConfiguration.STAGING_JOB_NAME, campaignId).orElse(null);
        Map<RecipientState, Long> counts = recipients.countByState(campaignId);
        long invalid = counts.get(RecipientState.INVALID);
        long duplicate = counts.get(RecipientState.DUPLICATE);
        long suppressed = counts.get(RecipientState.SUPPRESSED);
        long excluded = counts.get(RecipientState.EXCLUDED);
        long valid = counts.entrySet().stream().filter(count -> count.getKey().toBeSent())
                .mapToLong(Map.Entry::getValue).sum();
        AudiencePreview.Staging state = AudiencePreview.Staging.STAGED;
        String failure = null;
        if (staging == null || staging.getStatus().isRunning()) {
            // Not started yet (the executor has not picked it up), or running.
            state = staging == null && valid + invalid + duplicate + suppressed + excluded > 0 ? AudiencePreview.Staging.STAGED
                    : AudiencePreview.Staging.STAGING;
        } else if (staging.getStatus() != BatchStatus.COMPLETED) {
            state = AudiencePreview.Staging.FAILED;
            failure = staging.getExitStatus().getExitDescription();
        }
        long capped = state == AudiencePreview.Staging.STAGED
                ? history.cappedNow(campaignId, store.registered(campaignId).channel()) : 0;
        return new AudiencePreview(state, valid, invalid, duplicate, suppressed, capped,
                recipients.problems(campaignId, FIRST_PROBLEMS), failure, excluded);
    }
}
