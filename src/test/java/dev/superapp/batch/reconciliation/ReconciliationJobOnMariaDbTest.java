package dev.superapp.batch.reconciliation;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ReconciliationJobOnMariaDbTest extends ReconciliationCloseContract {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.MARIADB.register(registry);
        TestSandbox.register(registry);
        registry.add("reports.dir", () -> reportsDir.toString());
    }

    @Override
    void installResultFault() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_fault (out_trade_no VARCHAR(64) PRIMARY KEY)").update();
        jdbc.sql("""
                CREATE TRIGGER IF NOT EXISTS fail_marked_results BEFORE INSERT ON reconciliation_result FOR EACH ROW
                IF EXISTS (SELECT 1 FROM test_fault WHERE out_trade_no = NEW.out_trade_no) THEN
                  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure';
                END IF""").update();
    }
}
