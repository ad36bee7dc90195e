package dev.superapp.batch.cli;

import dev.superapp.batch.system.UserInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure of a command into one line on standard error and an exit code: 2 for what
 * the user can fix (bad arguments, {@link UserInputException}), 1 for anything else (a lost database says
 * so: {@link DatabaseUnreachable}). Stack
 * traces only with {@code --debug}, because a person reading a terminal needs the one line, not
 * forty.
 */
final class CommandErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final int FAILED = 1;
    static final int USER_ERROR = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !command.getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()) {
            command.getErr().println(new UnknownCommand(command, unmatched.getUnmatched().get(0)).message());
            return USER_ERROR;
        }
        command.getErr().println(ex.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return USER_ERROR;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        boolean debug = ((SuperappCommand) command.getCommandSpec().root().userObject()).debug();
        if (ex instanceof UserInputException) {
            err.println(ex.getMessage());
            traceIf(debug, ex, err);
            return USER_ERROR;
        }
        String name = command.getCommandSpec().qualifiedName();
        err.println(DatabaseUnreachable.message(name, ex).orElseGet(() -> name + " failed unexpectedly: " + summary(ex)
                + (debug ? "" : " (run again with --debug for details)")));
        traceIf(debug, ex, err);
        return FAILED;
    }

    /** The innermost cause says what actually went wrong; the wrappers above it only say where. */
    static String summary(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }

    private static void traceIf(boolean debug, Exception ex, PrintWriter err) {
        if (debug) {
            ex.printStackTrace(err);
        }
    }
}
