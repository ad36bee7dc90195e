package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.CampaignControlCheck;
import dev.superapp.batch.campaign.CampaignJobConfiguration;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.ControlledReader;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.Canary;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.time.Clock;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The canary of {@code campaignJob}, between {@code settleInFlightStep} and {@code sendPushesStep}: {@code
 * sendCanaryStep} sends the definition's first {@code canary.recipients} (the same processor and records as every
 * send), then {@code checkCanaryStep} judges them. A campaign without a canary passes through both at once, and so
 * does a resend (attempt 2, 3, ...): its canary was judged, or resumed past, on the first attempt.
 */
@Configuration(proxyBeanMethods = false)
class CanaryStepsConfiguration {

    private static final String CAMPAIGN = "#{jobParameters['" + CampaignJobConfiguration.CAMPAIGN_PARAMETER + "']}";
    private static final String ATTEMPT = "#{jobParameters['" + CampaignJobConfiguration.ATTEMPT_PARAMETER + "']}";

    /** One request at a time: the canary is small, and nothing beyond it may leave before it is judged. */
    @Bean
    Step sendCanaryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        ItemStreamReader<PushRequest> canaryRequestReader,
                        ItemProcessor<PushRequest, PushResult> pushRequestProcessor,
                        ItemWriter<PushResult> pushResultWriter) {
        return new StepBuilder("sendCanaryStep", jobRepository)
                .<PushRequest, PushResult>chunk(1)
                .transactionManager(transactionManager)
                .reader(canaryRequestReader)
                .processor(pushRequestProcessor)
                .writer(pushResultWriter)
                .build();
    }

    @Bean
    Step checkCanaryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         Tasklet canaryCheckTasklet) {
        return new StepBuilder("checkCanaryStep", jobRepository)
                .tasklet(canaryCheckTasklet, transactionManager)
                .build();
    }

    /** The canary's recipients not yet carried by a request (a canary cut short resumes with the rest of it). */
    @Bean
    @StepScope
    ItemStreamReader<PushRequest> canaryRequestReader(PushRequestStore requests, RecipientStore recipients,
            CampaignStore store, PushProperties push, Clock clock, @Value(CAMPAIGN) String campaignId,
            @Value(ATTEMPT) Long attempt, @Value("#{stepExecution}") StepExecution stepExecution) {
        StoredCampaign campaign = store.registered(campaignId);
        Canary canary = canary(campaign, attempt);
        long carried = recipients.carriedByState(campaignId).values().stream().mapToLong(Long::longValue).sum();
        long left = canary == null ? 0 : Math.max(0, canary.recipients() - carried);
        // Requests an earlier run left in flight are re-sent by sendPushesStep, after the canary is judged.
        return new ControlledReader<>(new PushRequestReader(requests, recipients, campaign, push.chunkSize(), false, left),
                new CampaignControlCheck(store, campaignId, stepExecution, clock));
    }

    @Bean
    @StepScope
    Tasklet canaryCheckTasklet(RecipientStore recipients, CampaignStore store, CampaignLifecycle lifecycle,
            @Value(CAMPAIGN) String campaignId, @Value(ATTEMPT) Long attempt) {
        return new CanaryCheckTasklet(recipients, lifecycle, campaignId, canary(store.registered(campaignId), attempt));
    }

    /** The first attempt's canary; a resend (its attempt parameter set) has none. */
    private static Canary canary(StoredCampaign campaign, Long attempt) {
        return attempt == null ? campaign.definition().canary() : null;
    }
}
