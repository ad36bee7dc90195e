package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Orders are asked about many at once, never more than {@code platform.max-in-flight}: a slow
 * platform shows how many requests overlapped.
 */
@SpringBootTest(properties = {"platform.max-in-flight=4", "reconciliation.chunk-size=12"})
class ReconciliationConcurrencyTest {

    static final SandboxServer SLOW_PLATFORM = SandboxServer.start(
            SandboxSettings.defaults("slow-app", "slow-secret").withLatency(Duration.ofMillis(150)));

    @TempDir
    static Path reportsDir;

    @Autowired ReconciliationLauncher launcher;
    @Autowired JdbcClient jdbc;

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

    @Test
    void asksAboutAChunksOrdersConcurrentlyUpToTheInFlightBound() {
        LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC).minusHours(1);
        for (int i = 1; i <= 24; i++) {
            String number = "conc-" + i;
            SLOW_PLATFORM.platform().addTrade(SandboxTrade.scripted(number, number, "open-c", 500, "USD", CloseBehaviour.CLOSES, 2));
            jdbc.sql("""
                            INSERT INTO payment_order (out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at)
                            VALUES (?, ?, 'open-c', 500, 'USD', 'PENDING', ?, ?)""")
                    .params(number, number, created, created).update();
        }
        SLOW_PLATFORM.platform().resetPeak();

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.summary().count(Outcome.MATCHED)).isEqualTo(24);
        assertThat(SLOW_PLATFORM.platform().peakConcurrentRequests()).isEqualTo(4);
    }
}
