package dev.superapp.batch.runs;

import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.job.JobExecution;

/**
 * How far one execution has come, as {@code /api/runs/{id}/progress} answers it and the console's
 * progress bars show it.
 *
 * @param done          recipients or orders handled so far
 * @param total         how many there are to handle in all, as far as known now
 * @param percent       0 to 100; 100 for a finished run with nothing to do
 * @param ratePerSecond what this execution handled per second of it, one decimal
 * @param errors        handled, but not successfully (a rejected push, an order without a trustworthy answer)
 * @param rateLimit     a campaign's requests per second that the platform's limiter allowed at its last chunk, one
 *                      decimal; null for other jobs and before the first chunk
 * @param allowanceEstimate what that limiter then thought the platform accepts per second, one decimal; null also
 *                      while it was still searching for it
 */
public record RunProgress(long executionId, String job, String status, boolean running, long done, long total,
                          int percent, double ratePerSecond, long errors, long elapsedSeconds, Double rateLimit,
                          Double allowanceEstimate) {

    /**
     * The counts one kind of job knows about its run.
     *
     * @param doneThisRun of {@code done}, those this execution handled (a resumed campaign's earlier sends are not)
     */
    record Counts(long done, long total, long errors, long doneThisRun, Double rateLimit, Double allowanceEstimate) {

        Counts(long done, long total, long errors) {
            this(done, total, errors, done, null, null);
        }
    }

    /** {@code now} in the JVM's zone, as Spring Batch records its times. */
    static RunProgress of(JobExecution execution, Counts counts, LocalDateTime now) {
        boolean running = execution.getStatus().isRunning();
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? now : execution.getEndTime();
        Duration elapsed = start == null ? Duration.ZERO : Duration.between(start, end);
        double seconds = elapsed.toMillis() / 1000.0;
        double rate = seconds <= 0 ? 0 : Math.round(counts.doneThisRun() / seconds * 10) / 10.0;
        int percent = counts.total() == 0 ? (running ? 0 : 100)
                : (int) Math.min(100, counts.done() * 100 / counts.total());
        return new RunProgress(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(),
                running, counts.done(), counts.total(), percent, rate, counts.errors(), elapsed.toSeconds(),
                oneDecimal(counts.rateLimit()), oneDecimal(counts.allowanceEstimate()));
    }

    private static Double oneDecimal(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }
}
