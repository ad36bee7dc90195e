package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnreachableTest {

    @Test
    void aTransactionThatCouldNotGetAConnectionSaysTheDatabaseStoppedAndHowToResumeTheRun() {
        Exception lost = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("pool timed out", new ConnectException("Connection refused")));

        assertThat(DatabaseUnreachable.message("superapp-batch reconcile", lost)).contains(
                "superapp-batch reconcile failed: the database stopped answering (ConnectException: Connection refused);"
                        + " what was committed is kept. Once it answers again, `restart <jobExecutionId>` (see `runs`)"
                        + " resumes the run from its last commit");
    }

    @Test
    void aPushIsResumedByPushingTheSameFileAgain() {
        Exception lost = new IllegalStateException("step failed", new SQLException("Communications link failure", "08S01"));

        assertThat(DatabaseUnreachable.message("superapp-batch push", lost)).hasValueSatisfying(line ->
                assertThat(line).endsWith("`push` the same file again: it resumes the campaign"));
    }

    @Test
    void aFailureTheDatabaseAnsweredIsNotALostDatabase() {
        Exception refused = new DataIntegrityViolationException("duplicate key",
                new SQLException("Duplicate entry", "23000"));

        assertThat(DatabaseUnreachable.message("superapp-batch reconcile", refused)).isEmpty();
        assertThat(DatabaseUnreachable.message("superapp-batch runs", new IllegalStateException("broken"))).isEmpty();
    }
}
