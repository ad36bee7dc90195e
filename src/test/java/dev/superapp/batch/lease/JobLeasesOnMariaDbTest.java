package dev.superapp.batch.lease;

import dev.superapp.batch.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class JobLeasesOnMariaDbTest extends JobLeasesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.MARIADB.register(registry);
    }
}
