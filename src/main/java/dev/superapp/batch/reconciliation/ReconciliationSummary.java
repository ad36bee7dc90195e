package dev.superapp.batch.reconciliation;

import java.util.List;

/**
 * Counts and sums per outcome for one run, in outcome-table order.
 *
 * @param lines one line per outcome that occurred
 */
public record ReconciliationSummary(List<Line> lines) {

    /** Orders with this outcome, and the sums of their local and platform amounts in cents. */
    public record Line(Outcome outcome, long orders, long localAmount, long platformAmount) {
    }

    public long orders() {
        return lines.stream().mapToLong(Line::orders).sum();
    }

    public long localAmount() {
        return lines.stream().mapToLong(Line::localAmount).sum();
    }

    public long platformAmount() {
        return lines.stream().mapToLong(Line::platformAmount).sum();
    }

    public long count(Outcome outcome) {
        return lines.stream().filter(line -> line.outcome() == outcome).mapToLong(Line::orders).sum();
    }
}
