package dev.superapp.batch.reconciliation.review;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ExceptionsQueueOnMariaDbTest extends ExceptionsQueueContract {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.MARIADB.register(registry);
        TestSandbox.register(registry);
    }
}
