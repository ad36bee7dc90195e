package dev.superapp.batch.reconciliation;

import dev.superapp.batch.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OrderImportOnMariaDbTest extends OrderImportContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.MARIADB.register(registry);
    }
}
