package dev.superapp.batch.reconciliation;

import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ReconciliationPipelineOnH2Test extends ReconciliationPipelineContract {

    static final SandboxServer SLOW_PLATFORM = slowPlatform("slow-app", "slow-secret");

    @TempDir
    static Path reportsDir;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        registry.add("superapp.base-url", SLOW_PLATFORM::baseUrl);
        registry.add("superapp.app-id", () -> "slow-app");
        registry.add("superapp.secret", () -> "slow-secret");
        registry.add("reports.dir", () -> reportsDir.toString());
    }

    @AfterAll
    static void stopPlatform() {
        SLOW_PLATFORM.close();
    }

    @Override
    SandboxPlatform sandbox() {
        return SLOW_PLATFORM.platform();
    }

    @Override
    ResultFault resultFault() {
        return ResultFault.H2;
    }
}
