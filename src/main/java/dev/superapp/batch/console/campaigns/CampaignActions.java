package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.AudiencePreview;
import dev.superapp.batch.campaign.AudienceStaging;
import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.schedule.OneOffCampaigns;
import dev.superapp.batch.system.UserInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.NoSuchJobExecutionException;
import org.springframework.stereotype.Service;

/**
 * What a marketing person does to a registered campaign from the console. Every change of state is one
 * conditional update of {@code campaign.status} (two people, or two nodes, cannot both win), and sending
 * goes through the clustered scheduler ({@link OneOffCampaigns}), never a thread of the web request.
 */
@Service
class CampaignActions {

    private final CampaignStore store;
    private final OneOffCampaigns plans;
    private final ConsoleDefinitions definitions;
    private final AudienceStaging staging;
    private final CampaignLauncher launcher;
    private final JobOperator jobOperator;
    private final Clock clock;

    CampaignActions(CampaignStore store, OneOffCampaigns plans, ConsoleDefinitions definitions, AudienceStaging staging,
                    CampaignLauncher launcher, JobOperator jobOperator, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.definitions = definitions;
        this.staging = staging;
        this.launcher = launcher;
        this.jobOperator = jobOperator;
        this.clock = clock;
    }

    /** Sends a campaign not yet started, now or at {@code at}; a later time can be moved while it is still planned. */
    void sendAt(String campaignId, Instant at) {
        Path definition = definitionOf(campaignId);
        // The sender stages whatever is left itself, but never alongside the preview's staging.
        if (staging.preview(campaignId).staging() == AudiencePreview.Staging.STAGING) {
            throw refused(campaignId, "is still having its audience checked; send it when the preview is complete");
        }
        plan(campaignId, definition, at);
    }

    /** Plans a not yet started campaign, defined in {@code definition}, for {@code at}; no preview needed. */
    void plan(String campaignId, Path definition, Instant at) {
        if (!store.moveStatus(campaignId, CampaignStatus.NOT_STARTED, CampaignStatus.SCHEDULED)) {
            throw refused(campaignId, "cannot be sent or scheduled now");
        }
        plans.pushAt(campaignId, definition, at.isBefore(clock.instant()) ? clock.instant() : at);
    }

    /** Stages the audience of a campaign not yet sent again, after its check failed or never started. */
    void checkAgain(String campaignId) {
        if (staging.preview(campaignId).staging() == AudiencePreview.Staging.STAGED
                || !store.moveStatus(campaignId, EnumSet.of(CampaignStatus.REGISTERED), CampaignStatus.REGISTERED)) {
            throw refused(campaignId, "has its audience checked already, or is being sent");
        }
        staging.stageInBackground(campaignId);
    }

    /** The running sender stops at its next chunk boundary, everything it sent recorded. */
    void pause(String campaignId) {
        if (!store.moveStatus(campaignId, EnumSet.of(CampaignStatus.SENDING), CampaignStatus.PAUSING)) {
            throw refused(campaignId, "is not sending; only a sending campaign can be paused");
        }
    }

    /** Sends the rest of a paused, stopped or failed campaign; nobody already sent is sent again. */
    void resume(String campaignId) {
        Path definition = definitionOf(campaignId);
        if (!store.moveStatus(campaignId, CampaignStatus.RESUMABLE, CampaignStatus.SCHEDULED)) {
            throw refused(campaignId, "is not paused, stopped or failed; there is nothing to resume");
        }
        plans.pushAt(campaignId, definition, clock.instant());
    }

    /**
     * Before sending: drops the plan. While sending: the sender stops at its next chunk boundary. Once
     * stopped: its last execution is abandoned so that nothing can restart it.
     */
    void cancel(String campaignId) {
        if (store.moveStatus(campaignId, CampaignStatus.NOT_STARTED, CampaignStatus.CANCELED)) {
            plans.drop(campaignId);
        } else if (store.moveStatus(campaignId, EnumSet.of(CampaignStatus.SENDING, CampaignStatus.PAUSING),
                CampaignStatus.CANCELING)) {
            return;
        } else if (CampaignStatus.RESUMABLE.contains(store.status(campaignId))) {
            // Abandoned first: a cancelled campaign must never be left with a restartable execution.
            abandonLastExecution(campaignId);
            store.moveStatus(campaignId, EnumSet.of(CampaignStatus.PAUSED, CampaignStatus.STOPPED, CampaignStatus.FAILED,
                    CampaignStatus.REGISTERED, CampaignStatus.SCHEDULED), CampaignStatus.CANCELED);
            plans.drop(campaignId);
        } else {
            throw refused(campaignId, "has finished or is already cancelled");
        }
    }

    private Path definitionOf(String campaignId) {
        return definitions.ensure(store.find(campaignId).orElseThrow(() -> refused(campaignId, "does not exist")));
    }

    private void abandonLastExecution(String campaignId) {
        Optional<CampaignLauncher.PushRun> last = launcher.lastRun(campaignId);
        if (last.isPresent() && last.get().status() != BatchStatus.ABANDONED && last.get().status() != BatchStatus.COMPLETED) {
            try {
                jobOperator.abandon(last.get().executionId());
            } catch (JobExecutionAlreadyRunningException | NoSuchJobExecutionException e) {
                throw refused(campaignId, "is still stopping; cancel it again in a moment");
            }
        }
    }

    static UserInputException refused(String campaignId, String why) {
        return new UserInputException("campaign " + campaignId + " " + why);
    }
}
