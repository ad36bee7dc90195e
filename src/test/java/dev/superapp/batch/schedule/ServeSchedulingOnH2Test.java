package dev.superapp.batch.schedule;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ServeSchedulingOnH2Test extends ServeSchedulingContract {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("jobs.dir", () -> jobsDir.toString());
        registry.add("reports.dir", () -> jobsDir.resolve("reports").toString());
    }
}
