package dev.superapp.batch.runs;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;

/**
 * One job execution with its step counters summed.
 *
 * @param node                  "-" for executions from before nodes were recorded
 * @param exitCode              Spring Batch's exit code, e.g. {@code COMPLETED_WITH_FAILURES} for a campaign that
 *                              sent nobody or had too many errors, {@code CANCELED} for a cancelled one
 * @param identifyingParameters name to value, sorted by name
 * @param steps                 each step's counts, in the order the steps ran
 * @param stop                  who paused or cancelled it, when a person's pause or cancel stopped it; else null
 */
public record Run(long executionId, String node, String jobName, String status, String exitCode, LocalDateTime startTime,
                  LocalDateTime endTime, long readCount, long writeCount, long skipCount,
                  Map<String, String> identifyingParameters, List<StepCount> steps, RunStop stop) {

    /**
     * The status, followed by the exit code when that says more ({@code COMPLETED (COMPLETED_WITH_FAILURES)},
     * {@code ABANDONED (CANCELED)}): what {@code runs} prints.
     */
    public String statusText() {
        boolean saysMore = exitCode != null && !exitCode.equals(status) && !running()
                && !exitCode.equals("UNKNOWN") && !exitCode.equals("EXECUTING") && !exitCode.equals("NOOP");
        return saysMore ? status + " (" + exitCode + ")" : status;
    }

    /** Starting, started or stopping: its progress still moves. */
    public boolean running() {
        return BatchStatus.valueOf(status).isRunning();
    }

    public String duration() {
        return new RunDuration(startTime, endTime).text();
    }

    public RunKind kind() {
        return RunKind.of(jobName);
    }

    /** What the run was for, alike for every job: "business date 2026-12-01", "campaign spring-sale". */
    public String subject() {
        return kind().subject(this);
    }

    /** Its counts named by what they count: "3 orders reconciled", "150 lines staged, 3 requests sent". */
    public String counts() {
        return String.join(", ", kind().counts(steps));
    }
}
