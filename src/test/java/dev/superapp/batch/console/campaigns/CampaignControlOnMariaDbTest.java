package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class CampaignControlOnMariaDbTest extends CampaignControlContract {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        environment(registry, TestDatabase.MARIADB);
    }
}
