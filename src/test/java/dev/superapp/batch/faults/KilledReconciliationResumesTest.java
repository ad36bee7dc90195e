package dev.superapp.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.testing.ChildCommand;
import dev.superapp.batch.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at seeded random points of a reconciliation (at the Nth {@code tradedetail} to reach the sandbox,
 * so asks and closes are in flight), resumed at once as the README says: {@code reconcile} again (a new run
 * over what is still PENDING) or {@code restart} of the killed execution.
 */
class KilledReconciliationResumesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private final FaultSuite suite = FaultSuite.current();
    private final String databaseUrl = TestDatabase.MARIADB.freshUrl();

    @Test
    void aReconciliationKilledAgainAndAgainDecidesEveryOrderOnceAndClosesNoTradeTwice() throws Exception {
        try (ReconciliationScenario scenario = new ReconciliationScenario(databaseUrl, dir, suite.orders())) {
            SandboxPlatform platform = scenario.sandbox().platform();
            Random random = suite.random("reconciliation");
            int share = Math.max(1, suite.orders() / (suite.killPoints() + 1));
            for (int point = 1; point <= suite.killPoints(); point++) {
                long nth = platform.requestCount(OpenApiPaths.TRADE_DETAIL) + 1 + random.nextInt(share);
                List<String> command = point == 1 || random.nextBoolean()
                        ? List.of("reconcile") : List.of("restart", Long.toString(scenario.lastExecution()));
                CompletableFuture<Void> arrived = platform.whenRequestArrives(OpenApiPaths.TRADE_DETAIL, nth);
                try (ChildCommand child = ChildCommand.start(command, scenario.properties(databaseUrl),
                        dir.resolve("point-" + point + ".log"))) {
                    CompletableFuture.anyOf(arrived, child.onExit()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                    assertThat(child.isAlive()).as("%s still asking at request %d:\n%s", command, nth, child.output())
                            .isTrue();
                    child.kill();
                    System.out.printf("reconciliation: killed %s at tradedetail %d%n", command, nth);
                }
            }
            try (ChildCommand last = ChildCommand.start(List.of("reconcile"), scenario.properties(databaseUrl),
                    dir.resolve("finish.log"))) {
                assertThat(last.awaitExit(PATIENCE)).as(last.output()).isZero();
            }

            scenario.assertDecidedOnceAndClosedOnce();
        }
    }
}
