package dev.superapp.batch.reconciliation;

import dev.superapp.batch.alerts.AlertMessage;
import dev.superapp.batch.alerts.AlertNotifier;
import dev.superapp.batch.alerts.AlertProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code raiseAlertsStep}: checks the run against the alert rules, stores what fired and delivers it. Delivery
 * failures are recorded by the notifier and never fail the run.
 */
final class RaiseAlertsTasklet implements Tasklet {

    private final ReconciliationResults results;
    private final OpenOrders openOrders;
    private final AlertProperties properties;
    private final AlertNotifier notifier;
    private final Clock clock;

    RaiseAlertsTasklet(ReconciliationResults results, OpenOrders openOrders, AlertProperties properties,
                       AlertNotifier notifier, Clock clock) {
        this.results = results;
        this.openOrders = openOrders;
        this.properties = properties;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        Instant now = clock.instant();
        ReconciliationSummary summary = results.summary(step.getJobExecution().getJobInstance().getInstanceId());
        OpenOrders.Aged overdue = openOrders.createdBefore(now.minus(properties.maxOpenAge()));
        notifier.raise(AlertMessage.of(ReconciliationJobConfiguration.JOB_NAME,
                step.getJobParameters().getString("businessDate"), step.getJobExecutionId(),
                new ReconciliationAlertRules(properties).evaluate(summary, overdue, now)));
        return RepeatStatus.FINISHED;
    }
}
