package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignLauncher.ResendRun;
import dev.superapp.batch.campaign.PushProgress;
import dev.superapp.batch.campaign.ResendSelection;
import dev.superapp.batch.system.UserInputException;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.sending.DryRun;
import dev.superapp.batch.campaign.sending.TestSend;
import dev.superapp.batch.campaign.sending.TestSends;
import dev.superapp.batch.system.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code push <campaign.yaml>}: sends a campaign now, or resumes it, exactly once per recipient. */
@Command(name = "push", description = {
        "Send a campaign (activity, notify or cardform) to its audience, or resume one that did not finish.",
        "With --resend, send a finished campaign's UNKNOWN and/or FAILED recipients once more, as a new attempt.",
        "With --dry-run, stage and plan it without sending; with --test, send it to a few named recipients only.",
        "Exit code: 0 completed (or already finished, or a dry run), 1 failed (push again to resume; a test the platform"
                + " did not acknowledge), 2 bad definition, options, test ids or configuration."})
final class PushCommand implements Callable<Integer> {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<campaign.yaml>", description = "The campaign definition.")
    private Path file;

    @Option(names = "--dry-run", description = "Stage the audience and print the plan (requests, duration, finish"
            + " time); send nothing. A later push sends it.")
    private boolean dryRun;

    @Option(names = "--test", split = ",", paramLabel = "ID", description = "Send the message to these recipients only"
            + " (at most " + TestSends.MAX_RECIPIENTS + "), recorded as a test: not counted in the campaign, and the real"
            + " send still reaches them.")
    private List<String> testIds;

    @Option(names = "--progress-every", defaultValue = "5s", description = "How often to print progress. Default: ${DEFAULT-VALUE}.")
    private Duration progressEvery;

    @Option(names = "--resend", paramLabel = "UNKNOWN,FAILED",
            description = "Send the recipients of a finished campaign that ended in these states (UNKNOWN, FAILED or both)"
                    + " once more, recorded as asked by os:<your user name>. Never SENT, REJECTED, INVALID or DUPLICATE ones.")
    private String resend;

    @Override
    public Integer call() {
        if ((dryRun ? 1 : 0) + (testIds != null ? 1 : 0) + (resend != null ? 1 : 0) > 1) {
            throw new UserInputException("--dry-run, --test and --resend are different things; give one of them");
        }
        // Every problem of the definition and the options is reported before Spring or the database start.
        ResendSelection selection = resend == null ? null : resendSelection();
        List<String> testRecipients = testIds == null ? null : TestSends.recipientIds(String.join(",", testIds));
        CampaignDefinition definition = new CampaignDefinitionParser().parse(file);
        if (dryRun) {
            return root.inContext(context -> {
                DryRunPrinter.print(context.getBean(DryRun.class).run(definition), spec.commandLine().getOut());
                return 0;
            });
        }
        if (testRecipients != null) {
            return root.inContext(context -> test(context.getBean(TestSends.class).send(definition, testRecipients,
                    "os:" + System.getProperty("user.name"))));
        }
        return root.inContext(context -> {
            try (PushProgressPrinter printer = new PushProgressPrinter(context.getBean(PushProgress.class),
                    spec.commandLine().getOut(), progressEvery)) {
                CampaignLauncher launcher = context.getBean(CampaignLauncher.class);
                if (selection == null) {
                    PushRun run = launcher.push(definition);
                    printer.close();
                    return PushRunPrinter.print(run, spec.commandLine().getOut());
                }
                ResendRun run = launcher.resend(definition, selection, "os:" + System.getProperty("user.name"));
                printer.close();
                return PushRunPrinter.print(run, selection, spec.commandLine().getOut());
            }
        });
    }

    private int test(TestSend test) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("test %d of campaign %s to %d recipient(s): %s (request %s)%n", test.id(), test.campaignId(),
                test.recipientIds().size(), test.outcome(), test.requestId());
        if (test.detail() != null) {
            out.println(test.detail());
        }
        out.println("nothing of the campaign itself was sent or counted");
        out.flush();
        return test.acknowledged() ? 0 : 1;
    }

    private ResendSelection resendSelection() {
        try {
            return ResendSelection.parse(resend);
        } catch (UserInputException e) {
            throw new UserInputException("--resend=" + resend + ": " + e.getMessage());
        }
    }
}
