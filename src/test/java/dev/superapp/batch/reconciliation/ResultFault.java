package dev.superapp.batch.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes inserting a reconciliation result fail, on either database, for the order numbers listed in a
 * {@code test_fault} table: a chunk holding such an order rolls back and the step fails.
 */
enum ResultFault {
    H2 {
        @Override
        void install(JdbcClient jdbc) {
            createMarkTable(jdbc);
            jdbc.sql("CREATE TRIGGER IF NOT EXISTS fail_marked_results BEFORE INSERT ON reconciliation_result FOR EACH ROW "
                    + "CALL '" + FailMarkedResults.class.getName() + "'").update();
        }
    },
    MARIADB {
        @Override
        void install(JdbcClient jdbc) {
            createMarkTable(jdbc);
            jdbc.sql("""
                    CREATE TRIGGER IF NOT EXISTS fail_marked_results BEFORE INSERT ON reconciliation_result FOR EACH ROW
                    IF EXISTS (SELECT 1 FROM test_fault WHERE out_trade_no = NEW.out_trade_no) THEN
                      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure';
                    END IF""").update();
        }
    };

    abstract void install(JdbcClient jdbc);

    static void mark(JdbcClient jdbc, String outTradeNo) {
        jdbc.sql("INSERT INTO test_fault (out_trade_no) VALUES (?)").param(outTradeNo).update();
    }

    static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM test_fault").update();
    }

    private static void createMarkTable(JdbcClient jdbc) {
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_fault (out_trade_no VARCHAR(64) PRIMARY KEY)").update();
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
