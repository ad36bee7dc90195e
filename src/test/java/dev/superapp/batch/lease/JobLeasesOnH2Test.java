package dev.superapp.batch.lease;

import dev.superapp.batch.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class JobLeasesOnH2Test extends JobLeasesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
    }
}
