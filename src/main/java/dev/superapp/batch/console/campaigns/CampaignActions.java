package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.AudiencePreview;
import dev.superapp.batch.campaign.AudienceStaging;
import dev.superapp.batch.campaign.CampaignDefinitionException;
import dev.superapp.batch.campaign.CampaignDefinitionParser;
import dev.superapp.batch.campaign.CampaignRecipient;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.Channel;
import dev.superapp.batch.campaign.RecipientState;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.schedule.OneOffCampaigns;
import dev.superapp.batch.system.UserInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a marketing person does to a registered campaign from the console. Every change of state is one
 * conditional update of {@code campaign.status} (two people, or two nodes, cannot both win), and sending
 * goes through the clustered scheduler ({@link OneOffCampaigns}), never a thread of the web request.
 */
@Service
class CampaignActions {

    private static final String CAMPAIGN_JOB = "campaignJob";
    private static final String WITHDRAWAL_SUFFIX = "-withdraw";
    private static final int PAGE = 1000;
    /** Withdrawn once it can no longer send more cards: finished, or cancelled part of the way. */
    private static final Set<CampaignStatus> WITHDRAWABLE = EnumSet.of(CampaignStatus.FINISHED, CampaignStatus.CANCELED);

    private final CampaignStore store;
    private final OneOffCampaigns plans;
    private final NewCampaign newCampaigns;
    private final CampaignDefinitionParser parser;
    private final AudienceStaging staging;
    private final AudienceUploads uploads;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Clock clock;

    CampaignActions(CampaignStore store, OneOffCampaigns plans, NewCampaign newCampaigns, CampaignDefinitionParser parser,
                    AudienceStaging staging, AudienceUploads uploads, JobOperator jobOperator,
                    JobRepository jobRepository, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.newCampaigns = newCampaigns;
        this.parser = parser;
        this.staging = staging;
        this.uploads = uploads;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.clock = clock;
    }

    /** Sends a campaign not yet started, now or at {@code at}; a later time can be moved while it is still planned. */
    void sendAt(String campaignId, Instant at) {
        Path definition = requireConsoleDefinition(campaignId);
        // The sender stages whatever is left itself, but never alongside the preview's staging.
        if (staging.preview(campaignId).staging() == AudiencePreview.Staging.STAGING) {
            throw refused(campaignId, "is still having its audience checked; send it when the preview is complete");
        }
        plan(campaignId, definition, at);
    }

    private void plan(String campaignId, Path definition, Instant at) {
        if (!store.moveStatus(campaignId, CampaignStatus.NOT_STARTED, CampaignStatus.SCHEDULED)) {
            throw refused(campaignId, "cannot be sent or scheduled now");
        }
        plans.pushAt(campaignId, definition, at.isBefore(clock.instant()) ? clock.instant() : at);
    }

    /** The running sender stops at its next chunk boundary, everything it sent recorded. */
    void pause(String campaignId) {
        if (!store.moveStatus(campaignId, EnumSet.of(CampaignStatus.SENDING), CampaignStatus.PAUSING)) {
            throw refused(campaignId, "is not sending; only a sending campaign can be paused");
        }
    }

    /** Sends the rest of a paused, stopped or failed campaign; nobody already sent is sent again. */
    void resume(String campaignId) {
        Path definition = requireConsoleDefinition(campaignId);
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

    /**
     * Removes an activity card from everyone who was sent it: a new campaign {@code <id>-withdraw} sends the same
     * activity with {@code status: 0} to the recipients the platform accepted, through the usual path.
     *
     * @return the withdrawal campaign's id
     */
    String withdraw(String campaignId) {
        StoredCampaign campaign = store.find(campaignId).orElseThrow(() -> refused(campaignId, "does not exist"));
        if (campaign.channel() != Channel.ACTIVITY) {
            throw refused(campaignId, "is not an activity campaign; only activity cards can be withdrawn");
        }
        if (!WITHDRAWABLE.contains(CampaignStatus.valueOf(campaign.status()))) {
            throw refused(campaignId, "is still " + campaign.status().toLowerCase(Locale.ROOT)
                    + "; withdraw it once it has finished, or cancel it first");
        }
        if (campaign.removesActivityCard()) {
            throw refused(campaignId, "removes its card already; there is nothing to withdraw");
        }
        ObjectNode definition = (ObjectNode) JsonMapper.shared().readTree(campaign.definition());
        String withdrawalId = withdrawalId(campaignId);
        if (store.find(withdrawalId).isPresent()) {
            throw refused(campaignId, "was already withdrawn by campaign " + withdrawalId);
        }
        String audience = writeSentRecipients(campaign);
        definition.put("campaign", withdrawalId);
        definition.remove("schedule");
        ObjectNode activity = (ObjectNode) definition.get(Channel.ACTIVITY.key());
        activity.put("status", 0);
        if (activity.path("path").isNull()) {
            activity.remove("path");
        }
        Path file = newCampaigns.definitionOf(withdrawalId);
        Path draft = file.resolveSibling(UUID.randomUUID() + ".draft.yaml");
        try {
            Files.createDirectories(file.getParent());
            // The audience is named relative to the definition, as the console's own definitions do.
            definition.put("audience", "../" + audience);
            Files.writeString(draft, YAMLMapper.builder().build().writeValueAsString(definition), StandardCharsets.UTF_8);
            // Registered before the definition takes its final name: of two withdrawals at once, one registers.
            store.register(parser.parse(draft));
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the withdrawal definition: " + e.getMessage(), e);
        } catch (CampaignDefinitionException e) {
            throw refused(campaignId, "was already withdrawn by campaign " + withdrawalId);
        }
        // Sent at once, with no preview: the sender stages the audience itself.
        plan(withdrawalId, file, clock.instant());
        return withdrawalId;
    }

    private static String withdrawalId(String campaignId) {
        String base = campaignId.length() + WITHDRAWAL_SUFFIX.length() > 64
                ? campaignId.substring(0, 64 - WITHDRAWAL_SUFFIX.length()) : campaignId;
        return base + WITHDRAWAL_SUFFIX;
    }

    /** The recipients the platform accepted, one id per line under the channel's header. */
    private String writeSentRecipients(StoredCampaign campaign) {
        String stored = UUID.randomUUID() + ".csv";
        Path file = uploads.resolve(stored);
        long sent = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(campaign.channel().audienceColumn());
            out.newLine();
            long afterLine = 0;
            List<CampaignRecipient> page;
            do {
                page = store.recipients(campaign.campaignId(), afterLine, PAGE);
                for (CampaignRecipient recipient : page) {
                    afterLine = recipient.lineNo();
                    if (recipient.state() == RecipientState.SENT) {
                        // Sent ids passed the recipient id rule ([A-Za-z0-9_-]): nothing to quote.
                        out.write(recipient.recipientId());
                        out.newLine();
                        sent++;
                    }
                }
            } while (page.size() == PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the withdrawal audience: " + e.getMessage(), e);
        }
        if (sent == 0) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove an empty withdrawal audience: " + e.getMessage(), e);
            }
            throw refused(campaign.campaignId(), "has no recipient the platform accepted; there is nothing to withdraw");
        }
        return stored;
    }

    private Path requireConsoleDefinition(String campaignId) {
        Path definition = newCampaigns.definitionOf(campaignId);
        if (!Files.isRegularFile(definition)) {
            throw refused(campaignId, "was not created in the console; send or resume it with the command line (push)");
        }
        return definition;
    }

    private void abandonLastExecution(String campaignId) {
        JobInstance instance = jobRepository.getJobInstance(CAMPAIGN_JOB,
                new JobParametersBuilder().addString("campaign", campaignId).toJobParameters());
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last != null && last.getStatus() != BatchStatus.ABANDONED && last.getStatus() != BatchStatus.COMPLETED) {
            try {
                jobOperator.abandon(last);
            } catch (JobExecutionAlreadyRunningException e) {
                throw refused(campaignId, "is still stopping; cancel it again in a moment");
            }
        }
    }

    private static UserInputException refused(String campaignId, String why) {
        return new UserInputException("campaign " + campaignId + " " + why);
    }
}
