package dev.superapp.batch.cli;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by the database going away (the connection dropped, refused, or none to be had from
 * the pool) from the others, so that a command says so and what to do, instead of "failed unexpectedly" with
 * the driver's innermost words. Nothing after the run's last commit was kept, and the job repository could
 * not even record the failure: the execution stays as it was until {@code restart} takes it over.
 */
final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    /** The line to print when {@code failure} came from losing the database; empty for any other failure. */
    static Optional<String> message(String command, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isConnectionFailure(cause)) {
                return Optional.of(command + " failed: the database stopped answering (" + CommandErrors.summary(failure)
                        + "); what was committed is kept. Once it answers again, " + resumption(command));
            }
        }
        return Optional.empty();
    }

    private static String resumption(String command) {
        if (command.endsWith(" push")) {
            return "`push` the same file again: it resumes the campaign";
        }
        if (command.endsWith(" reconcile") || command.endsWith(" restart")) {
            return "`restart <jobExecutionId>` (see `runs`) resumes the run from its last commit";
        }
        return "run the command again";
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLRecoverableException || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        // SQLSTATE class 08 is "connection exception", whatever the driver's exception type.
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
