package dev.superapp.batch.runs;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;

/**
 * One job execution with its step counters summed.
 *
 * @param node                  "-" for executions from before nodes were recorded
 * @param identifyingParameters name to value, sorted by name
 * @param steps                 each step's counts, in the order the steps ran
 * @param stop                  who paused or cancelled it, when a person's pause or cancel stopped it; else null
 */
public record Run(long executionId, String node, String jobName, String status, LocalDateTime startTime,
                  LocalDateTime endTime, long readCount, long writeCount, long skipCount,
                  Map<String, String> identifyingParameters, List<StepCount> steps, RunStop stop) {

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
