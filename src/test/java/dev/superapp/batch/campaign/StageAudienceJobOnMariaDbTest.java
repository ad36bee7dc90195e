package dev.superapp.batch.campaign;

import dev.superapp.batch.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StageAudienceJobOnMariaDbTest extends StageAudienceJobContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.MARIADB.register(registry);
    }
}
