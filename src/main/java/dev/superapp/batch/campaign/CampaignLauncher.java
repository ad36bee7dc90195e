package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.report.DeliveryReportTasklet;
import dev.superapp.batch.lease.JobLeases;
import dev.superapp.batch.lease.LeaseKeys;
import dev.superapp.batch.system.UserInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Pushes a campaign by its id, from the definition stored at registration: the first time it starts
 * {@code campaignJob}; a campaign that did not finish (failed, stopped, or its process was killed) is resumed;
 * a finished one sends nothing, until a person asks for a resend ({@link #resend}), which is a new attempt.
 */
@Service
public class CampaignLauncher {

    private final JobOperator jobOperator;
    private final Job campaignJob;
    private final CampaignStore store;
    private final CampaignLifecycle lifecycle;
    private final CampaignExecutions executions;
    private final CampaignPlatforms platforms;
    private final RecipientStore recipients;
    private final PushProgress progress;
    private final JobLeases leases;
    private final CampaignResends resends;

    CampaignLauncher(JobOperator jobOperator, @Qualifier("campaignJob") Job campaignJob, CampaignStore store,
                     CampaignLifecycle lifecycle, CampaignExecutions executions, CampaignPlatforms platforms,
                     RecipientStore recipients, PushProgress progress, JobLeases leases, CampaignResends resends) {
        this.jobOperator = jobOperator;
        this.campaignJob = campaignJob;
        this.store = store;
        this.lifecycle = lifecycle;
        this.executions = executions;
        this.platforms = platforms;
        this.recipients = recipients;
        this.progress = progress;
        this.leases = leases;
        this.resends = resends;
    }

    /** {@code push <file>}: registers the parsed definition (refused if the id has another one), then pushes it. */
    public PushRun push(CampaignDefinition definition) {
        platforms.requireConfigured(definition.channel());
        lifecycle.register(definition);
        return push(definition.campaignId());
    }

    /**
     * {@code push --resend=... <file>}: asks for a resend of the chosen recipients of the finished campaign the file
     * defines (as registered: the file must name the same channel and audience) and sends them now.
     *
     * @param requestedBy who asked, recorded with the attempt
     * @throws CampaignMoveRefusedException when the campaign has not finished (or is being sent)
     */
    public ResendRun resend(CampaignDefinition definition, ResendSelection selection, String requestedBy) {
        platforms.requireConfigured(definition.channel());
        String campaignId = definition.campaignId();
        if (store.find(campaignId).isEmpty()) {
            throw new UserInputException("campaign " + campaignId + " was never pushed; there is nobody to resend to");
        }
        // Registered before: this only checks that the file still names the same channel and audience.
        lifecycle.register(definition);
        Optional<Resend> resend = lifecycle.resend(campaignId, selection, requestedBy);
        if (resend.isEmpty()) {
            JobExecution finished = executions.last(CampaignJobConfiguration.JOB_NAME, campaignId).orElseThrow(() ->
                    new IllegalStateException("campaign " + campaignId + " is FINISHED but was never sent"));
            return new ResendRun(null, describe(finished, true));
        }
        return new ResendRun(resend.get(), push(campaignId));
    }

    /** Pushes the registered campaign {@code campaignId}, as registered; nothing is parsed or registered again. */
    public PushRun push(String campaignId) {
        StoredCampaign campaign = store.find(campaignId).orElseThrow(() -> new UserInputException("campaign " + campaignId
                + " is not registered; push its definition first"));
        platforms.requireConfigured(campaign.channel());
        if (campaign.status() == CampaignStatus.CANCELED) {
            throw new UserInputException("campaign " + campaignId + " was cancelled and is not sent again; use a new campaign id");
        }
        // Its latest attempt: the first send, or a resend asked and perhaps interrupted; each one is sent to its end.
        int attempt = resends.latestAttempt(campaignId);
        JobParameters parameters = CampaignExecutions.parameters(campaignId, attempt);
        Optional<JobExecution> last = executions.last(CampaignJobConfiguration.JOB_NAME, campaignId, attempt);
        progress.reset();
        try {
            String what = "campaign " + campaignId;
            if (last.isEmpty()) {
                return describe(leases.startAlone(LeaseKeys.campaign(campaignId), what,
                        () -> jobOperator.start(campaignJob, parameters)), false);
            }
            if (last.get().getStatus() == BatchStatus.COMPLETED) {
                return describe(last.get(), true);
            }
            return describe(leases.restartAlone(last.get(), what, jobOperator::restart), false);
        } catch (JobExecutionException e) {
            throw new IllegalStateException("could not start campaign " + campaignId + ": " + e.getMessage(), e);
        }
    }

    /** Checks the platform settings a campaign's channel needs, before a restart sends anything. */
    public void requirePlatformFor(String campaignId) {
        store.find(campaignId).ifPresent(campaign -> platforms.requireConfigured(campaign.channel()));
    }

    /** The campaign's latest push, if it was ever started: the console's reports read its report path from it. */
    public Optional<PushRun> lastRun(String campaignId) {
        return executions.last(CampaignJobConfiguration.JOB_NAME, campaignId).map(last -> describe(last, false));
    }

    private PushRun describe(JobExecution execution, boolean alreadyFinished) {
        ExecutionContext context = execution.getExecutionContext();
        String report = context.containsKey(DeliveryReportTasklet.REPORT_KEY) ? context.getString(DeliveryReportTasklet.REPORT_KEY) : null;
        String summary = context.containsKey(DeliveryReportTasklet.SUMMARY_KEY) ? context.getString(DeliveryReportTasklet.SUMMARY_KEY) : null;
        String campaignId = execution.getJobParameters().getString(CampaignJobConfiguration.CAMPAIGN_PARAMETER);
        return new PushRun(campaignId, execution.getId(), execution.getStatus(),
                CampaignStatusListener.COMPLETED_WITH_FAILURES.equals(execution.getExitStatus().getExitCode()), alreadyFinished,
                report == null ? null : Path.of(report), summary == null ? null : Path.of(summary),
                recipients.countByState(campaignId), execution.getExitStatus().getExitDescription());
    }

    /**
     * A resend and its push.
     *
     * @param resend null when no recipient of the chosen states was left: nothing was sent
     */
    public record ResendRun(Resend resend, PushRun run) {
    }

    /**
     * One push.
     *
     * @param withErrors      it completed, but nobody was sent the push or too many were rejected or failed
     *                        ({@link CampaignStatus#FINISHED_WITH_ERRORS}); {@code failure} then has the counts
     * @param alreadyFinished the campaign had finished before: nothing was sent this time
     * @param counts          recipients per state, over the whole campaign
     */
    public record PushRun(String campaignId, long executionId, BatchStatus status, boolean withErrors,
                          boolean alreadyFinished, Path report, Path summaryFile, Map<RecipientState, Long> counts,
                          String failure) {

        /** Every recipient was dealt with and the report written; nothing more will be sent. */
        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }

        /** Completed, and went well enough to be plainly FINISHED. */
        public boolean succeeded() {
            return completed() && !withErrors;
        }
    }
}
