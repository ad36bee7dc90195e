package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignLauncher.ResendRun;
import dev.superapp.batch.campaign.PushProgress;
import dev.superapp.batch.campaign.ResendSelection;
import dev.superapp.batch.system.UserInputException;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import java.nio.file.Path;
import java.time.Duration;
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
        "Exit code: 0 completed (or already finished), 1 failed (push again to resume), 2 bad definition or configuration."})
final class PushCommand implements Callable<Integer> {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<campaign.yaml>", description = "The campaign definition.")
    private Path file;

    @Option(names = "--progress-every", defaultValue = "5s", description = "How often to print progress. Default: ${DEFAULT-VALUE}.")
    private Duration progressEvery;

    @Option(names = "--resend", paramLabel = "UNKNOWN,FAILED",
            description = "Send the recipients of a finished campaign that ended in these states (UNKNOWN, FAILED or both)"
                    + " once more, recorded as asked by os:<your user name>. Never SENT, REJECTED, INVALID or DUPLICATE ones.")
    private String resend;

    @Override
    public Integer call() {
        // Every problem of the definition and the options is reported before Spring or the database start.
        ResendSelection selection = resend == null ? null : resendSelection();
        CampaignDefinition definition = new CampaignDefinitionParser().parse(file);
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

    private ResendSelection resendSelection() {
        try {
            return ResendSelection.parse(resend);
        } catch (UserInputException e) {
            throw new UserInputException("--resend=" + resend + ": " + e.getMessage());
        }
    }
}
