package dev.superapp.batch.reconciliation;

import dev.superapp.batch.alerts.AlertNotifier;
import dev.superapp.batch.alerts.AlertProperties;
import dev.superapp.batch.platform.PlatformProperties;
import dev.superapp.batch.platform.TradePlatform;
import dev.superapp.batch.report.ReportManifests;
import dev.superapp.batch.report.ReportProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code reconciliationJob}: {@code reconcileOrdersStep} decides every PENDING order against the
 * platform, many at once, then {@code writeReportStep} writes finance's files from what was recorded, and
 * {@code raiseAlertsStep} checks the run against the alert rules.
 */
@Configuration(proxyBeanMethods = false)
public class ReconciliationJobConfiguration {

    public static final String JOB_NAME = "reconciliationJob";
    public static final String RECONCILE_STEP = "reconcileOrdersStep";

    @Bean
    Job reconciliationJob(JobRepository jobRepository, Step reconcileOrdersStep, Step writeReportStep,
                          Step raiseAlertsStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(reconcileOrdersStep).next(writeReportStep)
                .next(raiseAlertsStep).build();
    }

    @Bean
    Step reconcileOrdersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             ItemStreamReader<AskedOrder> pendingOrdersReader,
                             ItemProcessor<AskedOrder, ReconciliationResult> settleOrderProcessor,
                             ItemWriter<ReconciliationResult> reconciliationResultWriter,
                             ThreadPoolTaskExecutor reconciliationExecutor, ReconciliationProperties properties) {
        return new StepBuilder(RECONCILE_STEP, jobRepository)
                .<AskedOrder, ReconciliationResult>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(pendingOrdersReader)
                .processor(settleOrderProcessor)
                .writer(reconciliationResultWriter)
                .taskExecutor(reconciliationExecutor)
                .build();
    }

    // Step-scoped beans are declared by interface: the scope proxies them, and the classes are final.

    /** Asks about orders up to a chunk ahead of the step, so the next chunk's requests fly while one is written. */
    @Bean
    @StepScope
    ItemStreamReader<AskedOrder> pendingOrdersReader(JdbcTemplate jdbcTemplate, ReconciliationPlatform platform,
            Clock clock, ReconciliationProperties properties, PlatformProperties platformProperties,
            @Value("#{jobParameters}") Map<String, Object> jobParameters) {
        // Fails the step before any order is read when the platform is not configured.
        TradePlatform chosen = platform.chosen();
        chosen.requireConfigured();
        TradeReconciler reconciler = new TradeReconciler(chosen, clock, ReconciliationSettings.of(properties, jobParameters));
        return new LookAheadOrderReader(jdbcTemplate, reconciler, properties.chunkSize(), platformProperties.maxInFlight());
    }

    @Bean
    @StepScope
    ItemProcessor<AskedOrder, ReconciliationResult> settleOrderProcessor(ReconciliationPlatform platform, Clock clock,
            ReconciliationProperties properties, @Value("#{jobParameters}") Map<String, Object> jobParameters) {
        return new SettleOrderProcessor(new TradeReconciler(platform.chosen(), clock,
                ReconciliationSettings.of(properties, jobParameters)));
    }

    @Bean
    @StepScope
    ItemWriter<ReconciliationResult> reconciliationResultWriter(JdbcTemplate jdbcTemplate, Clock clock,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long jobInstanceId,
            @Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
        return new ReconciliationResultWriter(jdbcTemplate, clock, jobInstanceId, jobExecutionId);
    }

    @Bean
    Step writeReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         ReconciliationResults results, OpenOrders openOrders, ControlTotalsReader controlTotals,
                         OpenOrderCounts openCounts, ReportManifests manifests, ReportProperties reports, Clock clock) {
        ReconciliationTables tables = new ReconciliationTables(results, openOrders, reports.dir());
        return new StepBuilder("writeReportStep", jobRepository)
                .tasklet(new ReconciliationReportTasklet(tables, results, controlTotals, openCounts, manifests,
                        reports.dir(), clock), transactionManager)
                .build();
    }

    @Bean
    Step raiseAlertsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         ReconciliationResults results, OpenOrders openOrders, AlertProperties alerts,
                         AlertNotifier notifier, Clock clock) {
        return new StepBuilder("raiseAlertsStep", jobRepository)
                .tasklet(new RaiseAlertsTasklet(results, openOrders, alerts, notifier, clock), transactionManager)
                .build();
    }

    /** Settles a chunk's orders at once: closing stale trades takes requests. */
    @Bean
    ThreadPoolTaskExecutor reconciliationExecutor(PlatformProperties platform) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(platform.maxInFlight());
        executor.setMaxPoolSize(platform.maxInFlight());
        executor.setThreadNamePrefix("reconcile-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(Duration.ofSeconds(30).toMillis());
        return executor;
    }
}
