package dev.superapp.batch.campaign;

import dev.superapp.batch.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class CampaignStoreOnH2Test extends CampaignStoreContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
    }
}
