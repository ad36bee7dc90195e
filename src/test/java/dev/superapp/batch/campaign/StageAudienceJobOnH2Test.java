package dev.superapp.batch.campaign;

import dev.superapp.batch.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StageAudienceJobOnH2Test extends StageAudienceJobContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
    }
}
