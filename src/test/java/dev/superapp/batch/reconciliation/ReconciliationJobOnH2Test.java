package dev.superapp.batch.reconciliation;

import dev.superapp.batch.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;
import dev.superapp.batch.testing.TestSandbox;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ReconciliationJobOnH2Test extends ReconciliationCloseContract {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("reports.dir", () -> reportsDir.toString());
    }

    @Override
    void installResultFault() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_fault (out_trade_no VARCHAR(64) PRIMARY KEY)").update();
        jdbc.sql("CREATE TRIGGER IF NOT EXISTS fail_marked_results BEFORE INSERT ON reconciliation_result FOR EACH ROW "
                + "CALL '" + FailMarkedResults.class.getName() + "'").update();
    }

    /** H2 triggers are Java: the same rule as the MariaDB trigger. */
    public static class FailMarkedResults implements Trigger {

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            try (PreparedStatement marked = connection.prepareStatement("SELECT 1 FROM test_fault WHERE out_trade_no = ?")) {
                marked.setObject(1, newRow[4]);
                try (ResultSet rows = marked.executeQuery()) {
                    if (rows.next()) {
                        throw new SQLException("injected failure");
                    }
                }
            }
        }
    }
}
