package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.CampaignControlCheck;
import dev.superapp.batch.campaign.CampaignErrorLimit;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignJobConfiguration;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.ControlledReader;
import dev.superapp.batch.campaign.PushProgress;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.frequency.PushHistory;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.platform.PlatformProperties;
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
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sending half of {@code campaignJob}: {@code settleInFlightStep} settles what a dead run left in
 * flight, then {@code sendPushesStep} sends the requests, exactly once (see {@link PushRequestStore}).
 */
@Configuration(proxyBeanMethods = false)
class PushStepsConfiguration {

    private static final String CAMPAIGN = "#{jobParameters['" + CampaignJobConfiguration.CAMPAIGN_PARAMETER + "']}";

    /** Runs on every restart too: what a dead run left in flight must be settled before anything is sent. */
    @Bean
    Step settleInFlightStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            Tasklet settleInFlightTasklet) {
        return new StepBuilder("settleInFlightStep", jobRepository)
                .tasklet(settleInFlightTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * Items are requests; a chunk's requests are sent concurrently, up to the platform's in-flight bound. The
     * reader and the processor both look for a pause or cancel ({@link CampaignControlCheck}): the reader so that
     * no further chunk is read, the processor so that no request of the chunk being sent leaves after it.
     */
    @Bean
    Step sendPushesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        ItemStreamReader<PushRequest> pushRequestReader,
                        ItemProcessor<PushRequest, PushResult> pushRequestProcessor,
                        ItemWriter<PushResult> pushResultWriter, ThreadPoolTaskExecutor pushExecutor,
                        PlatformProperties platform) {
        return new StepBuilder("sendPushesStep", jobRepository)
                .<PushRequest, PushResult>chunk(platform.maxInFlight() * 16)
                .transactionManager(transactionManager)
                .reader(pushRequestReader)
                .processor(pushRequestProcessor)
                .writer(pushResultWriter)
                .taskExecutor(pushExecutor)
                .build();
    }

    @Bean
    @StepScope
    Tasklet settleInFlightTasklet(PushRequestStore requests, CampaignStore store, PushChannels channels, PushHistory history,
            @Value(CAMPAIGN) String campaignId) {
        return new SettleInFlightTasklet(requests, campaignId, channels.forCampaign(store.registered(campaignId)), history);
    }

    @Bean
    @StepScope
    ItemStreamReader<PushRequest> pushRequestReader(PushRequestStore requests, RecipientStore recipients, CampaignStore store,
            PushChannels channels, PushProperties push, Clock clock,
            @Value(CAMPAIGN) String campaignId, @Value("#{stepExecution}") StepExecution stepExecution) {
        StoredCampaign campaign = store.registered(campaignId);
        return new ControlledReader<>(
                new PushRequestReader(requests, recipients, campaign, push.chunkSize(), channels.forCampaign(campaign).resendable(),
                        Long.MAX_VALUE),
                new CampaignControlCheck(store, campaignId, stepExecution, clock));
    }

    @Bean
    @StepScope
    ItemProcessor<PushRequest, PushResult> pushRequestProcessor(PushRequestStore requests, CampaignStore store,
            PushChannels channels, CampaignLifecycle lifecycle, CampaignErrorLimit errorLimit, Clock clock,
            @Value(CAMPAIGN) String campaignId, @Value("#{stepExecution}") StepExecution stepExecution) {
        StoredCampaign campaign = store.registered(campaignId);
        return new PushRequestProcessor(requests, channels.forCampaign(campaign),
                new CampaignControlCheck(store, campaignId, stepExecution, clock), campaign.channel(),
                new ErrorRateGuard(lifecycle, campaignId, errorLimit.fraction(), clock),
                new SendDeadline(campaign.definition(), clock));
    }

    @Bean
    @StepScope
    ItemWriter<PushResult> pushResultWriter(PushProgress progress) {
        return new PushResultWriter(progress);
    }

    /** One thread per request the platform lets us have in flight. */
    @Bean
    ThreadPoolTaskExecutor pushExecutor(PlatformProperties platform) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(platform.maxInFlight());
        executor.setMaxPoolSize(platform.maxInFlight());
        executor.setThreadNamePrefix("push-");
        // A request already recorded in flight gets its answer recorded before the process exits.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(90);
        return executor;
    }
}
