package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignLauncher.ResendRun;
import dev.superapp.batch.campaign.Resend;
import dev.superapp.batch.campaign.ResendSelection;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;

/** Prints a push for people: what happened to the recipients, then where the delivery report is. */
final class PushRunPrinter {

    private PushRunPrinter() {
    }

    /** @return the exit code of {@link #print(PushRun, PrintWriter)}; nothing left to resend is not a failure */
    static int print(ResendRun resendRun, ResendSelection selection, PrintWriter out) {
        Resend resend = resendRun.resend();
        if (resend == null) {
            out.printf("campaign %s has no %s recipients left to resend; nothing was sent%n",
                    resendRun.run().campaignId(), String.join(" or ", selection.text().split(",")));
        } else {
            out.printf("campaign %s, attempt %d asked by %s at %s: %d %s recipient(s) sent again%n", resend.campaignId(),
                    resend.attempt(), resend.requestedBy(), resend.requestedAt().truncatedTo(ChronoUnit.SECONDS), resend.asked(),
                    selection.text());
        }
        int exitCode = print(resendRun.run(), out);
        if (!resendRun.run().completed()) {
            // The campaign is no longer finished: its resend is resumed like any push, not asked again.
            out.println("(a resend is resumed by push without --resend)");
            out.flush();
        }
        return exitCode;
    }

    /**
     * @return the exit code: 0 when the campaign finished (now or before), 1 when it did not, or finished with errors
     * (nobody sent, or more than {@code campaign.max-error-rate} rejected or failed)
     */
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
        if (run.withErrors()) {
            out.println("finished with errors: " + run.failure());
        } else if (!run.completed()) {
            out.println("failed: " + FailureLine.of(run.failure()));
            out.println("push the same file again to resume it; nothing acknowledged is sent twice");
        }
        out.flush();
        return run.succeeded() ? 0 : 1;
    }
}
