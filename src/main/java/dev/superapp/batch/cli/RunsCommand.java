package dev.superapp.batch.cli;

import dev.superapp.batch.runs.Run;
import dev.superapp.batch.runs.RunDuration;
import dev.superapp.batch.runs.RunHistory;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code runs}: the latest job executions of every node with their counts, so an operator knows what to restart. */
@Command(name = "runs", description = "List recent job executions of every node: what each was for, how it ended "
        + "(and who paused or cancelled it) and what it counted.")
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--limit", defaultValue = "20", description = "How many executions to show (default ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
        }
        List<Run> runs = root.inContext(context -> context.getBean(RunHistory.class).recent(limit));
        if (runs.isEmpty()) {
            spec.commandLine().getOut().println("no job executions yet");
            return 0;
        }
        TextTable table = new TextTable("EXECUTION", "NODE", "JOB", "FOR", "STATUS", "START", "DURATION", "COUNTS");
        runs.forEach(run -> table.row(run.executionId(), run.node(), run.jobName(), run.subject(),
                run.stop() == null ? run.statusText() : run.status() + " (" + run.stop().text() + ")",
                run.startTime() == null ? "-" : START.format(run.startTime()), duration(run.startTime(), run.endTime()),
                run.counts()));
        table.print(spec.commandLine().getOut());
        return 0;
    }

    /** "-" until the execution has both started and ended (a killed process never records its end). */
    static String duration(LocalDateTime start, LocalDateTime end) {
        return new RunDuration(start, end).text();
    }
}
