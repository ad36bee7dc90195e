package dev.superapp.batch.campaign.callback;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class CardFormCallbackOnMariaDbTest extends CardFormCallbackContract {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.MARIADB.register(registry);
        TestSandbox.register(registry);
    }
}
