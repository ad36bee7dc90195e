package dev.superapp.batch.console;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class UploadRetentionOnMariaDbTest extends UploadRetentionContract {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.MARIADB.register(registry);
        TestSandbox.register(registry);
    }
}
