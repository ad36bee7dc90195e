package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.audience.AudienceLine;
import dev.superapp.batch.campaign.audience.AudienceReader;
import dev.superapp.batch.campaign.audience.CampaignStagingProperties;
import dev.superapp.batch.campaign.audience.RecipientStagingWriter;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.report.DeliveryReportTasklet;
import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.report.ReportProperties;
import java.time.Clock;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code campaignJob}: {@code stageAudienceStep} stages the audience of a registered campaign in
 * {@code campaign_recipient}, {@code settleInFlightStep} settles what a dead run left in flight,
 * {@code sendCanaryStep} and {@code checkCanaryStep} send and judge the definition's canary (pausing the campaign when
 * it fails), {@code sendPushesStep} sends requests of at most {@code push.chunk-size} recipients, exactly once,
 * and {@code writeDeliveryReportStep} writes one report row per audience line.
 *
 * <p>The identifying job parameter {@value #CAMPAIGN_PARAMETER} is the campaign id, so a campaign's send is one job
 * instance: starting it again resumes a failed run, and is refused once the campaign completed. A resend is a
 * further instance identified by {@value #ATTEMPT_PARAMETER} too, whose {@code prepareResendStep} puts the chosen
 * recipients back to be sent.
 */
@Configuration(proxyBeanMethods = false)
public class CampaignJobConfiguration {

    public static final String JOB_NAME = "campaignJob";
    public static final String CAMPAIGN_PARAMETER = "campaign";
    /** Identifying for a resend (2, 3, ...): each attempt is a job instance of its own; absent on the first send. */
    public static final String ATTEMPT_PARAMETER = "attempt";
    public static final String STAGING_JOB_NAME = "campaignStagingJob";

    @Bean
    Job campaignJob(JobRepository jobRepository, Step stageAudienceStep, Step prepareResendStep, Step settleInFlightStep,
                    Step sendCanaryStep, Step checkCanaryStep, Step sendPushesStep, Step writeDeliveryReportStep,
                    CampaignStatusListener statusListener) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(statusListener)
                .start(stageAudienceStep)
                .next(prepareResendStep)
                .next(settleInFlightStep)
                .next(sendCanaryStep)
                .next(checkCanaryStep)
                .next(sendPushesStep)
                .next(writeDeliveryReportStep)
                .build();
    }

    /**
     * {@value #STAGING_JOB_NAME}: only the staging of a campaign registered from the console, so that its
     * preview shows exactly what {@code campaignJob} will send. That job's own staging step then finds the
     * audience staged and resumes after its last line.
     */
    @Bean
    Job campaignStagingJob(JobRepository jobRepository, Step stageAudienceStep) {
        return new JobBuilder(STAGING_JOB_NAME, jobRepository).start(stageAudienceStep).build();
    }

    @Bean
    Step writeDeliveryReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 Tasklet deliveryReportTasklet) {
        return new StepBuilder("writeDeliveryReportStep", jobRepository)
                .tasklet(deliveryReportTasklet, transactionManager)
                .build();
    }

    /** A resend's recipients are put back to be sent in this step's transaction: once, whatever crashes when. */
    @Bean
    Step prepareResendStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           Tasklet prepareResendTasklet) {
        return new StepBuilder("prepareResendStep", jobRepository)
                .tasklet(prepareResendTasklet, transactionManager)
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
    ItemStreamReader<AudienceLine> audienceReader(CampaignStore store, RecipientStore recipients, Clock clock,
            @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId,
            @Value("#{jobParameters['" + ATTEMPT_PARAMETER + "']}") Long attempt,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        if (attempt != null) {
            // A resend sends recipients the first attempt staged; by now the audience file may have been deleted.
            return () -> null;
        }
        StoredCampaign campaign = store.registered(campaignId);
        return new ControlledReader<>(new AudienceReader(campaign.audience(), campaign.channel().audienceColumn(),
                recipients.lastStagedLine(campaignId)), new CampaignControlCheck(store, campaignId, stepExecution, clock));
    }

    @Bean
    @StepScope
    Tasklet prepareResendTasklet(CampaignResends resends, Clock clock,
            @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId,
            @Value("#{jobParameters['" + ATTEMPT_PARAMETER + "']}") Long attempt) {
        return new PrepareResendTasklet(resends, clock, campaignId, attempt);
    }

    @Bean
    @StepScope
    Tasklet deliveryReportTasklet(RecipientStore recipients, ReportProperties reports,
            @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId) {
        return new DeliveryReportTasklet(recipients, reports, campaignId);
    }

    @Bean
    @StepScope
    ItemWriter<AudienceLine> recipientStagingWriter(JdbcTemplate jdbcTemplate, JdbcClient jdbc, CampaignStore store,
            SuppressionList suppressions, @Value("#{jobParameters['" + CAMPAIGN_PARAMETER + "']}") String campaignId) {
        return new RecipientStagingWriter(jdbcTemplate, jdbc, campaignId, suppressions,
                RecipientIdKind.of(store.registered(campaignId).channel()));
    }
}
