package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.AudiencePreview;
import dev.superapp.batch.campaign.CampaignTimeZones;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.sending.DryRun;
import dev.superapp.batch.campaign.sending.SendPlan;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints {@code push --dry-run}: the staged audience by outcome, then the plan, the same the console's preview shows. */
final class DryRunPrinter {

    private DryRunPrinter() {
    }

    static void print(DryRun.Result result, PrintWriter out) {
        out.printf("dry run of campaign %s: nothing was sent%n", result.campaignId());
        AudiencePreview preview = result.preview();
        TextTable staged = new TextTable("staged", "lines");
        staged.row("valid", preview.valid());
        staged.row("invalid", preview.invalid());
        staged.row("duplicate", preview.duplicate());
        staged.print(out);
        // As the console's preview words them: "invalid: empty", "duplicate of line 4".
        preview.firstProblems().forEach(problem -> out.printf("line %d: %s%n", problem.lineNo(),
                problem.state() == RecipientState.INVALID ? "invalid: " + problem.detail() : problem.detail()));
        SendPlan plan = result.plan();
        TextTable table = new TextTable("plan", "");
        table.row("recipients", plan.recipients());
        table.row("requests", plan.requests());
        table.row("rate", String.format(Locale.ROOT, "%.1f requests/s, %s", plan.rate().perSecond(), plan.rate().source().words()));
        table.row("duration", plan.durationText());
        table.row("starts", CampaignTimeZones.shown(plan.startsAt()));
        table.row("finishes", CampaignTimeZones.shown(plan.finishesAt()));
        if (plan.notAfter() != null) {
            table.row("notAfter", CampaignTimeZones.shown(plan.notAfter().atZoneSameInstant(plan.startsAt().getZone())));
        }
        table.print(out);
        if (plan.cutShortByNotAfter()) {
            out.println("notAfter comes before the plan ends: recipients not sent by then will be reported EXPIRED");
        }
        if (result.notConfigured() != null) {
            out.println("not configured, so a push would stop: " + result.notConfigured());
        }
        out.println("push the same file without --dry-run to send it");
        out.flush();
    }
}
