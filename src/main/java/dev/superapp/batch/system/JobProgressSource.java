package dev.superapp.batch.system;

import java.time.Instant;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;

/**
 * Progress a job records outside Spring Batch's own tables (a campaign records every request as it
 * goes), so {@link OrphanedExecutions} does not take a live run whose chunk takes long for a dead one.
 */
public interface JobProgressSource {

    /** The last time {@code execution} recorded progress here, if this source knows its job. */
    Optional<Instant> lastProgress(JobExecution execution);
}
