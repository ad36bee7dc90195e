package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import java.io.PrintWriter;

/** Prints a push for people: what happened to the recipients, then where the delivery report is. */
final class PushRunPrinter {

    private PushRunPrinter() {
    }

    /** @return the exit code: 0 when the campaign completed (now or before), 1 when it did not */
    static int print(PushRun run, PrintWriter out) {
        if (run.alreadyFinished()) {
            out.printf("campaign %s already finished (execution %d); nothing was sent%n", run.campaignId(), run.executionId());
        } else {
            out.printf("campaign %s, execution %d: %s%n", run.campaignId(), run.executionId(), run.status());
        }
        TextTable table = new TextTable("outcome", "recipients");
        run.counts().forEach((state, count) -> table.row(state, count));
        table.row("TOTAL", run.counts().values().stream().mapToLong(Long::longValue).sum());
        table.print(out);
        if (run.report() != null) {
            out.println("report: " + run.report());
            out.println("summary: " + run.summaryFile());
        }
        if (!run.completed()) {
            out.println("failed: " + FailureLine.of(run.failure()));
            out.println("push the same file again to resume it; nothing acknowledged is sent twice");
        }
        out.flush();
        return run.completed() ? 0 : 1;
    }
}
