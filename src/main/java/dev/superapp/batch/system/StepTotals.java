package dev.superapp.batch.system;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** An execution's items over all its steps, as Spring Batch counted them. */
public record StepTotals(long read, long written, long skipped) {

    public static StepTotals of(JobExecution execution) {
        long read = 0;
        long written = 0;
        long skipped = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            read += step.getReadCount();
            written += step.getWriteCount();
            skipped += step.getSkipCount();
        }
        return new StepTotals(read, written, skipped);
    }
}
