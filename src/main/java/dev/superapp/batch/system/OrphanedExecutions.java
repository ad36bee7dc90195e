package dev.superapp.batch.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells a job execution whose process was killed from one still running: the repository says
 * STARTED for both, but a dead one has made no progress (no chunk committed, no step updated) for
 * {@code batch.orphan-after} (default 5 minutes: longer than a chunk of requests can take under
 * throttling, each request giving up after {@code platform.call-deadline}). A dead one is recovered (marked FAILED) so it can be restarted from its
 * last commit; a live one is left alone, because running it twice could send twice.
 */
@Component
public class OrphanedExecutions {

    private final JobOperator jobOperator;
    private final List<JobProgressSource> progressSources;
    private final Clock clock;
    private final Duration orphanAfter;

    OrphanedExecutions(JobOperator jobOperator, List<JobProgressSource> progressSources, Clock clock,
                       @Value("${batch.orphan-after:5m}") Duration orphanAfter) {
        this.jobOperator = jobOperator;
        this.progressSources = progressSources;
        this.clock = clock;
        this.orphanAfter = orphanAfter;
    }

    /**
     * Returns a restartable execution: {@code execution} itself when it is not running, or recovered when
     * its process died.
     *
     * @throws UserInputException when it is still making progress
     */
    public JobExecution recoverIfOrphaned(JobExecution execution, String what) {
        if (!execution.isRunning()) {
            return execution;
        }
        Duration quiet = Duration.between(lastProgress(execution), clock.instant());
        if (quiet.compareTo(orphanAfter) < 0) {
            throw new UserInputException(what + " is running as execution " + execution.getId() + " (last progress "
                    + quiet.toSeconds() + " s ago); if its process died, try again once it has made no progress for "
                    + orphanAfter.toSeconds() + " s (batch.orphan-after)");
        }
        return jobOperator.recover(execution);
    }

    private Instant lastProgress(JobExecution execution) {
        // Spring Batch stamps its times in the JVM's zone; the job's own records are in UTC.
        Stream<Instant> batch = Stream.concat(
                        Stream.of(execution.getLastUpdated(), execution.getStartTime(), execution.getCreateTime()),
                        execution.getStepExecutions().stream().map(StepExecution::getLastUpdated))
                .filter(Objects::nonNull).map(time -> time.atZone(ZoneId.systemDefault()).toInstant());
        Stream<Instant> job = progressSources.stream().flatMap(source -> source.lastProgress(execution).stream());
        return Stream.concat(batch, job).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
