package dev.superapp.batch.campaign;

import dev.superapp.batch.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class FailureLooksLikeFailureOnMariaDbTest extends FailureLooksLikeFailureContract {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        environment(registry, TestDatabase.MARIADB);
    }
}
