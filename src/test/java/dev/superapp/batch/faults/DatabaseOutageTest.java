package dev.superapp.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.faults.DeliveryReportRows.Row;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.ChildCommand;
import dev.superapp.batch.testing.TcpProxy;
import dev.superapp.batch.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away in the middle of a reconciliation or a campaign and comes back: a TCP proxy between the child
 * process and the shared MariaDB drops every connection and refuses new ones (never the server itself, which
 * the other tests use). The run fails in a bounded time with a reason a person can act on, and once the
 * database is back, {@code restart} of that execution (or {@code push} again) finishes it with nothing decided
 * or sent twice.
 */
class DatabaseOutageTest {

    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:]+):(\\d+)/");
    // The run's own limits, not a sleep: the driver's connect timeout and Hikari's wait for a connection.
    private static final Duration FAILS_WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final FaultSuite suite = FaultSuite.current();
    private final String databaseUrl = TestDatabase.MARIADB.freshUrl();
    private final TcpProxy proxy = proxyTo(databaseUrl);
    private final String proxiedUrl = HOST_AND_PORT.matcher(databaseUrl).replaceFirst("//127.0.0.1:" + proxy.port() + "/");

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void aReconciliationWhoseDatabaseStopsFailsSayingWhyAndRestartFinishesItDecidingNothingTwice() throws Exception {
        try (ReconciliationScenario scenario = new ReconciliationScenario(databaseUrl, dir, suite.orders())) {
            Map<String, String> properties = scenario.properties(proxiedUrl);
            properties.put("database.connect-timeout", "1s");
            properties.put("spring.datasource.hikari.connection-timeout", "1500");
            long killedAt = 1 + suite.orders() / 3;
            try (ChildCommand child = ChildCommand.start(List.of("reconcile"), properties, dir.resolve("outage.log"))) {
                scenario.sandbox().platform().whenRequestArrives(OpenApiPaths.TRADE_DETAIL, killedAt)
                        .get(FAILS_WITHIN.toSeconds(), TimeUnit.SECONDS);
                proxy.cut();

                int exitCode = child.awaitExit(FAILS_WITHIN);
                String output = child.output();
                System.out.println("reconcile with its database gone:\n" + output);
                assertThat(exitCode).as(output).isEqualTo(1);
                assertThat(lastLine(output))
                        .as("the command's last word says why and what to do")
                        .startsWith("superapp-batch reconcile failed: the database stopped answering (")
                        .contains("`restart <jobExecutionId>`");
            }

            proxy.restore();
            long failed = scenario.lastExecution();
            try (ChildCommand restart = ChildCommand.start(List.of("restart", Long.toString(failed)), properties,
                    dir.resolve("restart.log"))) {
                assertThat(restart.awaitExit(FAILS_WITHIN)).as(restart.output()).isZero();
            }

            scenario.assertDecidedOnceAndClosedOnce();
        }
    }

    @Test
    void aReconciliationWhoseDatabaseHangsFailsWithinItsSocketTimeoutAndRestartFinishesIt() throws Exception {
        try (ReconciliationScenario scenario = new ReconciliationScenario(databaseUrl, dir, suite.orders())) {
            Map<String, String> properties = scenario.properties(proxiedUrl);
            properties.put("database.connect-timeout", "1s");
            properties.put("database.socket-timeout", "5s");
            properties.put("spring.datasource.hikari.connection-timeout", "1500");
            try (ChildCommand child = ChildCommand.start(List.of("reconcile"), properties, dir.resolve("hang.log"))) {
                scenario.sandbox().platform().whenRequestArrives(OpenApiPaths.TRADE_DETAIL, 1 + suite.orders() / 3)
                        .get(FAILS_WITHIN.toSeconds(), TimeUnit.SECONDS);
                proxy.freeze();

                // Without a socket timeout the step would wait on its frozen connection forever.
                int exitCode = child.awaitExit(FAILS_WITHIN);
                assertThat(exitCode).as(child.output()).isEqualTo(1);
                assertThat(lastLine(child.output()))
                        .startsWith("superapp-batch reconcile failed: the database stopped answering (");
            }

            proxy.restore();
            try (ChildCommand restart = ChildCommand.start(List.of("restart", Long.toString(scenario.lastExecution())),
                    scenario.properties(proxiedUrl), dir.resolve("restart.log"))) {
                assertThat(restart.awaitExit(FAILS_WITHIN)).as(restart.output()).isZero();
            }

            scenario.assertDecidedOnceAndClosedOnce();
        }
    }

    @Test
    void aNotifyCampaignWhoseDatabaseStopsFailsSayingWhyAndPushAgainNotifiesNobodyTwice() throws Exception {
        int chunk = 10;
        int inFlight = 2;
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults(ReconciliationScenario.APP_ID,
                ReconciliationScenario.SECRET).withLatency(Duration.ofMillis(40)))) {
            Audience audience = AudienceFiles.write(dir, "open_id", "d-", suite.recipients());
            Path campaign = AudienceFiles.campaign(dir, "notify", """
                    campaign: outage-notify
                    channel: notify
                    audience: d-audience.csv
                    notify: {notifyType: 1, title: Hello, text: Hi, navigateType: "1", language: en_US}
                    """);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", proxiedUrl);
            properties.put("spring.datasource.username", "root");
            properties.put("superapp.base-url", sandbox.baseUrl());
            properties.put("superapp.app-id", ReconciliationScenario.APP_ID);
            properties.put("superapp.secret", ReconciliationScenario.SECRET);
            properties.put("reports.dir", dir.resolve("reports").toString());
            properties.put("push.chunk-size", Integer.toString(chunk));
            properties.put("platform.max-in-flight", Integer.toString(inFlight));
            properties.put("database.connect-timeout", "1s");
            properties.put("spring.datasource.hikari.connection-timeout", "1500");
            long cutAt = 1 + suite.recipients() / chunk / 3;
            try (ChildCommand child = ChildCommand.start(List.of("push", campaign.toString()), properties,
                    dir.resolve("outage.log"))) {
                sandbox.platform().whenRequestArrives(OpenApiPaths.SEND_NOTIFY, cutAt)
                        .get(FAILS_WITHIN.toSeconds(), TimeUnit.SECONDS);
                proxy.cut();

                int exitCode = child.awaitExit(FAILS_WITHIN);
                assertThat(exitCode).as(child.output()).isEqualTo(1);
                assertThat(lastLine(child.output())).startsWith("superapp-batch push failed: the database stopped answering (")
                        .contains("`push` the same file again");
            }

            proxy.restore();
            try (ChildCommand again = ChildCommand.start(List.of("push", campaign.toString()), properties,
                    dir.resolve("again.log"))) {
                assertThat(again.awaitExit(FAILS_WITHIN)).as(again.output()).isZero();
                Map<String, Row> report = DeliveryReportRows.byRecipient(again.reportPath(), audience);
                assertThat(audience.validIds()).allSatisfy(id ->
                        assertThat(sandbox.platform().deliveryCount(id)).as(id).isLessThanOrEqualTo(1));
                assertThat(audience.validIds()).filteredOn(id -> report.get(id).outcome().equals("SENT"))
                        .allSatisfy(id -> assertThat(sandbox.platform().deliveryCount(id)).as(id).isEqualTo(1));
                assertThat(audience.validIds()).filteredOn(id -> report.get(id).outcome().equals("UNKNOWN"))
                        .as("only requests in flight when the database went away").hasSizeLessThanOrEqualTo(chunk * inFlight);
            }
        }
    }

    private static String lastLine(String output) {
        return output.strip().lines().reduce((first, second) -> second).orElseThrow();
    }

    private static TcpProxy proxyTo(String url) {
        Matcher hostAndPort = HOST_AND_PORT.matcher(url);
        if (!hostAndPort.find()) {
            throw new IllegalArgumentException("no host and port in " + url);
        }
        return TcpProxy.start(hostAndPort.group(1), Integer.parseInt(hostAndPort.group(2)));
    }
}
