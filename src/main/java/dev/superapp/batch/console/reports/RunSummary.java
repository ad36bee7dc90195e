package dev.superapp.batch.console.reports;

import dev.superapp.batch.reconciliation.Outcome;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One reconciliation run as the list shows it: a job instance with its latest execution. A restarted run
 * is one run (its report covers every execution), so its counts are those of the whole instance.
 *
 * @param executionId the latest execution, which the detail page and the report belong to
 * @param executions  how many times the run was started (1, or more after restarts)
 * @param counts      orders per outcome so far, only the outcomes that occurred, in outcome-table order
 */
record RunSummary(long executionId, long instanceId, LocalDate businessDate, String status, LocalDateTime startTime,
                  long executions, Map<Outcome, Long> counts) {

    public long orders() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The counts as text, {@code MATCHED 3, ERROR 1} with {@code ", "} between. */
    public String outcomes(String separator) {
        return counts.entrySet().stream().map(count -> count.getKey() + " " + count.getValue())
                .collect(Collectors.joining(separator));
    }
}
