package dev.superapp.batch.cli;

import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.reconciliation.ReconciliationSummary;
import java.io.PrintWriter;

/** Prints a reconciliation run for people: the summary table, then where the reports are. */
final class ReconciliationRunPrinter {

    private ReconciliationRunPrinter() {
    }

    /** @return the exit code: 0 when the run completed, 1 when it did not */
    static int print(ReconciliationRun run, PrintWriter out) {
        ReconciliationSummary summary = run.summary();
        out.printf("reconciliation run %d: %s%n", run.executionId(), run.status());
        TextTable table = new TextTable("outcome", "orders", "local_amount", "platform_amount");
        summary.lines().forEach(line ->
                table.row(line.outcome(), line.orders(), line.localAmount(), line.platformAmount()));
        table.row("TOTAL", summary.orders(), summary.localAmount(), summary.platformAmount());
        table.print(out);
        if (run.report() != null) {
            out.println("report: " + run.report());
            out.println("summary: " + run.summaryFile());
        }
        if (!run.completed()) {
            out.println("failed: " + run.failure());
            out.println("continue it with: restart " + run.executionId());
        }
        out.flush();
        return run.completed() ? 0 : 1;
    }
}
