package dev.superapp.batch.campaign;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import dev.superapp.batch.platform.PlatformProperties;
import dev.superapp.batch.report.ReportProperties;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code campaignJob}: {@code stageAudienceStep} stages the audience of a registered campaign in
 * {@code campaign_recipient}, {@code settleInFlightStep} settles what a dead run left in flight,
 * {@code sendPushesStep} sends requests of at most {@code push.chunk-size} recipients, exactly once,
 * and {@code writeDeliveryReportStep} writes one report row per audience line.
 *
 * <p>The identifying job parameter {@value #CAMPAIGN_PARAMETER} is the campaign id, so a campaign is one job
 * instance: starting it again resumes a failed run, and is refused once the campaign completed.
 */
@Configuration(proxyBeanMethods = false)
class CampaignJobConfiguration {

    static final String JOB_NAME = "campaignJob";
    static final String CAMPAIGN_PARAMETER = "campaign";

    @Bean
    Job campaignJob(JobRepository jobRepository, Step stageAudienceStep, Step settleInFlightStep,
                    Step sendPushesStep, Step writeDeliveryReportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(stageAudienceStep)
                .next(settleInFlightStep)
                .next(sendPushesStep)
                .next(writeDeliveryReportStep)
                .build();
    }

    /** Runs on every restart too: what a dead run left in flight must be settled before anything is sent. */
    @Bean
    Step settleInFlightStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            Tasklet settleInFlightTasklet) {
        return new StepBuilder("settleInFlightStep", jobRepository)
                .tasklet(settleInFlightTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /** Items are requests; a chunk's requests are sent concurrently, up to the platform's in-flight bound. */
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
    Step writeDeliveryReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 Tasklet deliveryReportTasklet) {
        return new StepBuilder("writeDeliveryReportStep", jobRepository)
                .tasklet(deliveryReportTasklet, transactionManager)
                .build();
    }

    @Bean
    Step stageAudienceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           ItemStreamReader<AudienceLine> audienceReader,
                           ItemWriter<AudienceLine> recipientStagingWriter, CampaignStagingProperties properties) {
        return new StepBuilder("stageAudienceStep", jobRepository)
                .<AudienceLine, AudienceLine>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(audienceReader)
                .writer(recipientStagingWriter)
                .build();
    }

    // Step-scoped beans are declared by interface: the scope proxies them, and the classes are final.

    @Bean
    @StepScope
    ItemStreamReader<AudienceLine> audienceReader(CampaignStore store,
            @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId) {
        StoredCampaign campaign = registered(store, campaignId);
        return new AudienceReader(campaign.audience(), campaign.channel().audienceColumn(),
                store.lastStagedLine(campaignId));
    }

    @Bean
    @StepScope
    Tasklet settleInFlightTasklet(PushRequestStore requests, CampaignStore store, PushChannels channels,
            @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId) {
        return new SettleInFlightTasklet(requests, campaignId, channels.forCampaign(registered(store, campaignId)));
    }

    @Bean
    @StepScope
    ItemStreamReader<PushRequest> pushRequestReader(PushRequestStore requests, CampaignStore store,
            PushChannels channels, PushProperties push,
            @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId) {
        boolean resendable = channels.forCampaign(registered(store, campaignId)).resendable();
        return new PushRequestReader(requests, campaignId, push.chunkSize(), resendable);
    }

    @Bean
    @StepScope
    ItemProcessor<PushRequest, PushResult> pushRequestProcessor(PushRequestStore requests, CampaignStore store,
            PushChannels channels, @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId) {
        return new PushRequestProcessor(requests, channels.forCampaign(registered(store, campaignId)));
    }

    @Bean
    @StepScope
    ItemWriter<PushResult> pushResultWriter(PushProgress progress) {
        return new PushResultWriter(progress);
    }

    @Bean
    @StepScope
    Tasklet deliveryReportTasklet(CampaignStore store, ReportProperties reports,
            @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId) {
        return new DeliveryReportTasklet(store, reports, campaignId);
    }

    /** One thread per request the platform lets us have in flight. */
    @Bean
    ThreadPoolTaskExecutor pushExecutor(PlatformProperties platform) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(platform.maxInFlight());
        executor.setMaxPoolSize(platform.maxInFlight());
        executor.setThreadNamePrefix("push-");
        return executor;
    }

    private static StoredCampaign registered(CampaignStore store, String campaignId) {
        return store.find(campaignId).orElseThrow(() -> new IllegalStateException(
                "campaign " + campaignId + " is not registered; register its definition before starting " + JOB_NAME));
    }

    @Bean
    @StepScope
    ItemWriter<AudienceLine> recipientStagingWriter(JdbcTemplate jdbcTemplate, JdbcClient jdbc,
            @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId) {
        return new RecipientStagingWriter(jdbcTemplate, jdbc, campaignId);
    }
}
