package dev.superapp.batch.campaign;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code prepareResendStep}: on a resend's run, puts the recipients of the chosen states back to be sent, so that
 * {@code sendPushesStep} gives them new requests (new chunk numbers, so new request ids the platforms have not
 * seen) with the same exactly-once record as the first send. Nothing to do on a campaign's first send.
 */
final class PrepareResendTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PrepareResendTasklet.class);

    private final CampaignResends resends;
    private final Clock clock;
    private final String campaignId;
    private final Long attempt;

    /** @param attempt null on the first send */
    PrepareResendTasklet(CampaignResends resends, Clock clock, String campaignId, Long attempt) {
        this.resends = resends;
        this.clock = clock;
        this.campaignId = campaignId;
        this.attempt = attempt;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (attempt == null) {
            return RepeatStatus.FINISHED;
        }
        Resend resend = resends.find(campaignId, attempt.intValue()).orElseThrow(() -> new IllegalStateException(
                "campaign " + campaignId + " has no resend attempt " + attempt + "; it was never asked"));
        int prepared = resends.prepare(resend, clock.instant());
        contribution.incrementWriteCount(prepared);
        log.info("campaign {}: attempt {} asked by {} sends {} {} recipient(s) again", campaignId, attempt,
                resend.requestedBy(), prepared, resend.selection().text());
        return RepeatStatus.FINISHED;
    }
}
