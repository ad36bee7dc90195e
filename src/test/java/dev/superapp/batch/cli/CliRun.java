package dev.superapp.batch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process run of the command line, as a person would type it, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return run(new SpringContextStarter(), args);
    }

    static CliRun run(SpringContextStarter contexts, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SuperappCommand.commandLine(contexts)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    List<String> outLines() {
        return out.lines().toList();
    }
}
