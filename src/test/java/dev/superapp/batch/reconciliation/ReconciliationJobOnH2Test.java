package dev.superapp.batch.reconciliation;

import dev.superapp.batch.testing.TestDatabase;
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
        ResultFault.H2.install(jdbc);
    }
}
