package dev.superapp.batch.cli;

import dev.superapp.batch.reconciliation.ReconciliationFile;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.reconciliation.ReconciliationSummary;
import java.io.PrintWriter;

/** Prints a reconciliation run for people: the summary table, the alerts it raised, then where the files are. */
final class ReconciliationRunPrinter {

    private ReconciliationRunPrinter() {
    }

    /** @return the exit code: 0 when the run completed, 1 when it did not */
    static int print(ReconciliationRun run, PrintWriter out) {
        ReconciliationSummary summary = run.summary();
        out.printf("reconciliation run %d: %s%n", run.executionId(), run.status());
        TextTable table = new TextTable("outcome", "currency", "orders", "local_amount", "platform_amount");
        summary.currencyLines().forEach(line -> table.row(line.outcome(), line.currency(), line.orders(),
                line.localAmount(), line.platformAmount()));
        summary.totals().forEach(total -> table.row("TOTAL", total.currency(), total.orders(), total.localAmount(),
                total.platformAmount()));
        table.print(out);
        run.alerts().forEach(alert -> out.println("alert: " + alert.rule() + ": " + alert.message()));
        run.deliveries().stream().filter(delivery -> !delivery.delivered()).forEach(delivery ->
                out.println("alert not delivered by " + delivery.channel() + ": " + delivery.detail()));
        if (run.report() != null) {
            out.println("report: " + run.report());
            out.println("summary: " + run.summaryFile());
            printIfWritten(run, ReconciliationFile.OPEN_CSV, "open", out);
            printIfWritten(run, ReconciliationFile.REPORT_XLSX, "xlsx", out);
            printIfWritten(run, ReconciliationFile.MANIFEST, "manifest", out);
        }
        if (!run.completed()) {
            out.println("failed: " + FailureLine.of(run.failure()));
            out.println("continue it with: restart " + run.executionId());
        }
        out.flush();
        return run.completed() ? 0 : 1;
    }

    private static void printIfWritten(ReconciliationRun run, ReconciliationFile file, String label, PrintWriter out) {
        if (run.file(file) != null) {
            out.println(label + ": " + run.file(file));
        }
    }
}
