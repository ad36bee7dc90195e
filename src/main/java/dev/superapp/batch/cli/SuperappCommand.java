package dev.superapp.batch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code superapp-batch} command line: one subcommand per thing a person runs. */
@Command(name = "superapp-batch", mixinStandardHelpOptions = true,
        description = "Reconciliation and campaign pushes for super-app mini programs.",
        subcommands = {})
public class SuperappCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code. */
    public static int execute(String... args) {
        return new CommandLine(new SuperappCommand()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
