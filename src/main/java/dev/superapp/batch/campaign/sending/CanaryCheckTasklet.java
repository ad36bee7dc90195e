package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.definition.Canary;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code checkCanaryStep}: judges the recipients {@code sendCanaryStep} sent. If more than the canary's
 * {@code maxErrorRate} of those answered were rejected or failed, the campaign pauses itself
 * ({@link CampaignLifecycle#pauseItself}, its page says why) and {@code sendPushesStep} then stops before sending
 * anyone else; otherwise sending goes on. The step completes either way, so a resumed campaign is not judged again:
 * resuming is the person's answer to the canary.
 */
final class CanaryCheckTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CanaryCheckTasklet.class);

    private final RecipientStore recipients;
    private final CampaignLifecycle lifecycle;
    private final String campaignId;
    private final Canary canary;

    CanaryCheckTasklet(RecipientStore recipients, CampaignLifecycle lifecycle, String campaignId, Canary canary) {
        this.recipients = recipients;
        this.lifecycle = lifecycle;
        this.campaignId = campaignId;
        this.canary = canary;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (canary == null) {
            return RepeatStatus.FINISHED;
        }
        Map<RecipientState, Long> carried = recipients.carriedByState(campaignId);
        long errors = carried.getOrDefault(RecipientState.REJECTED, 0L) + carried.getOrDefault(RecipientState.FAILED, 0L);
        long answered = errors + carried.getOrDefault(RecipientState.SENT, 0L) + carried.getOrDefault(RecipientState.UNKNOWN, 0L);
        if (canary.failed(errors, answered)) {
            String why = String.format(Locale.ROOT, "paused by the canary: %d of its first %d recipients (%s) were rejected"
                    + " or failed, more than its maxErrorRate %s; resume it to send the rest", errors, answered,
                    percent((double) errors / answered), percent(canary.maxErrorRate()));
            if (lifecycle.pauseItself(campaignId, why)) {
                log.warn("campaign {} {}", campaignId, why);
            }
        } else {
            log.info("campaign {}: the canary passed ({} of {} rejected or failed); sending the rest", campaignId, errors, answered);
        }
        return RepeatStatus.FINISHED;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
