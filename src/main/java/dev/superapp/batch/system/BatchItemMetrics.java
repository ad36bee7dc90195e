package dev.superapp.batch.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Counts the items every job execution read, wrote and skipped, by job, as it ends (also when it failed or
 * stopped): {@code batch_items_read_total{job}}, {@code batch_items_written_total{job}} and
 * {@code batch_items_skipped_total{job}} at {@code /actuator/prometheus}.
 */
@Component
class BatchItemMetrics implements EveryJobListener {

    private final ObjectProvider<MeterRegistry> registry;

    BatchItemMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void afterJob(JobExecution execution) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null) {
            return;
        }
        String job = execution.getJobInstance().getJobName();
        StepTotals totals = StepTotals.of(execution);
        Counter.builder("batch.items.read").tag("job", job).register(meters).increment(totals.read());
        Counter.builder("batch.items.written").tag("job", job).register(meters).increment(totals.written());
        Counter.builder("batch.items.skipped").tag("job", job).register(meters).increment(totals.skipped());
    }
}
