package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StopMeansStopOnH2Test extends StopMeansStopContract {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        environment(registry, TestDatabase.H2);
    }
}
