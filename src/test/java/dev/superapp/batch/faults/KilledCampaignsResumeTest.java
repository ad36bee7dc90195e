package dev.superapp.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.faults.DeliveryReportRows.Row;
import dev.superapp.batch.sandbox.Delivery;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxCardForm;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.ChildCommand;
import dev.superapp.batch.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at seeded random points of a campaign on each channel, each kill while requests are in flight (at
 * the Nth request to reach the sandbox), and the campaign resumed at once as a person would: {@code push} the
 * same file again or {@code restart} the killed execution. The sandbox lives in this JVM, so it outlives
 * every kill and counts what reached each recipient.
 */
class KilledCampaignsResumeTest {

    private static final String APP_ID = "fault-app";
    private static final String SECRET = "fault-secret-0123456789";
    private static final int CHUNK = 10;
    private static final int IN_FLIGHT = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private final FaultSuite suite = FaultSuite.current();
    // Latency keeps requests on the wire long enough for a kill to find some in flight.
    private final SandboxServer sandbox = SandboxServer.start(
            SandboxSettings.defaults(APP_ID, SECRET).withLatency(Duration.ofMillis(40)));
    private final String databaseUrl = TestDatabase.MARIADB.freshUrl();

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aNotifyCampaignKilledAgainAndAgainNotifiesNobodyTwiceAndReportsEveryLineOnce() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", "n-", suite.recipients());
        Path campaign = AudienceFiles.campaign(dir, "notify", """
                campaign: kill-notify
                channel: notify
                audience: n-audience.csv
                notify: {notifyType: 1, title: Hello, text: Hi, navigateType: "1", language: en_US}
                """);

        int kills = killAndResume("notify", campaign, OpenApiPaths.SEND_NOTIFY);
        Map<String, Row> report = DeliveryReportRows.byRecipient(finish(campaign), audience);

        assertThat(audience.validIds()).allSatisfy(id ->
                assertThat(sandbox.platform().deliveryCount(id)).as(id).isLessThanOrEqualTo(1));
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(report.get(id).outcome()).as(id).isIn("SENT", "UNKNOWN"));
        assertThat(audience.validIds()).filteredOn(id -> report.get(id).outcome().equals("SENT")).allSatisfy(id ->
                assertThat(sandbox.platform().deliveryCount(id)).as("%s reported SENT", id).isEqualTo(1));
        assertThat(audience.validIds()).filteredOn(id -> report.get(id).outcome().equals("UNKNOWN"))
                .as("only requests in flight at a kill end UNKNOWN").hasSizeLessThanOrEqualTo(kills * CHUNK * IN_FLIGHT);
    }

    @Test
    void anActivityCampaignKilledAgainAndAgainResendsOnlyTheRequestsInFlightWithItsActivityId() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", "a-", suite.recipients());
        Path campaign = AudienceFiles.campaign(dir, "activity", """
                campaign: kill-activity
                channel: activity
                audience: a-audience.csv
                activity: {activityId: kill-card, templateId: "1", color: FFFFFF, title: Sale, text: Off,
                           iconUrl: "https://cdn.example/i.png", validityTime: 600, status: 1, language: en_US}
                """);

        int kills = killAndResume("activity", campaign, OpenApiPaths.SEND_ACTIVITY);
        Map<String, Row> report = DeliveryReportRows.byRecipient(finish(campaign), audience);

        assertThat(audience.validIds()).allSatisfy(id -> assertThat(report.get(id).outcome()).as(id).isEqualTo("SENT"));
        // The platform shows a card once per activityId: a re-send under another id would show it twice.
        assertThat(audience.validIds()).allSatisfy(id ->
                assertThat(sandbox.platform().deliveryCount(id)).as(id).isEqualTo(1));
        assertThat(sandbox.platform().deliveries()).extracting(Delivery::activityId).containsOnly("kill-card");
        assertOnlyInFlightResent(audience, kills);
    }

    @Test
    void aCardFormCampaignKilledAgainAndAgainResendsOnlyTheRequestsInFlightWithTheirRequestIds() throws Exception {
        Audience audience = AudienceFiles.write(dir, "unique_id", "c-", suite.recipients());
        Path campaign = AudienceFiles.campaign(dir, "cardform", """
                campaign: kill-cardform
                channel: cardform
                audience: c-audience.csv
                cardform:
                  text: {imageUrl: "https://cdn.example/card.jpg", clickUrl: "launcherdlt://miniapp?appId=1&page=pages/index/index&query=a%3D1"}
                  keyword: iphone
                  labels: [{labelName: country, labelValue: "406"}]
                """);

        int kills = killAndResume("cardform", campaign, OpenApiPaths.SEND_CARD_FORM);
        Map<String, Row> report = DeliveryReportRows.byRecipient(finish(campaign), audience);

        assertThat(audience.validIds()).allSatisfy(id -> assertThat(report.get(id).outcome()).as(id).isEqualTo("SENT"));
        // The card form acts once per requestId: a re-send under a new id would deliver a second card.
        assertThat(audience.validIds()).allSatisfy(id ->
                assertThat(sandbox.platform().deliveryCount(id)).as(id).isEqualTo(1));
        Map<String, String> deliveredBy = sandbox.platform().deliveries().stream()
                .collect(Collectors.toMap(Delivery::openId, Delivery::requestId));
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(report.get(id).requestId())
                .as("the request the report names for %s is the one the platform acted on", id)
                .isEqualTo(deliveredBy.get(id)));
        assertOnlyInFlightResent(audience, kills);
    }

    /**
     * Starts the campaign, kills it at the Nth request (N drawn from the seed, one point in each share of the
     * campaign's requests), resumes it with {@code push} or {@code restart}, and kills that too, as many
     * times as the suite's kill points.
     *
     * @return how many times a run was killed with requests in flight
     */
    private int killAndResume(String test, Path campaign, String endpoint) throws Exception {
        Random random = suite.random(test);
        int share = Math.max(1, suite.recipients() / CHUNK / (suite.killPoints() + 1));
        int kills = 0;
        for (int point = 1; point <= suite.killPoints(); point++) {
            long nth = sandbox.platform().requestCount(endpoint) + 1 + random.nextInt(share);
            List<String> command = point == 1 || random.nextBoolean()
                    ? List.of("push", campaign.toString())
                    : List.of("restart", Long.toString(lastCampaignExecution()));
            CompletableFuture<Void> arrived = sandbox.platform().whenRequestArrives(endpoint, nth);
            try (ChildCommand child = ChildCommand.start(command, properties(), dir.resolve("point-" + point + ".log"))) {
                CompletableFuture.anyOf(arrived, child.onExit()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("%s still sending at request %d:\n%s", command, nth, child.output()).isTrue();
                child.kill();
                kills++;
                System.out.printf("%s: killed %s at request %d of %s%n", test, command, nth, endpoint);
            }
        }
        return kills;
    }

    /** Pushes the campaign once more and lets it finish; its output names the delivery report. */
    private Path finish(Path campaign) throws Exception {
        try (ChildCommand child = ChildCommand.start(List.of("push", campaign.toString()), properties(),
                dir.resolve("finish.log"))) {
            assertThat(child.awaitExit(PATIENCE)).as(child.output()).isZero();
            return child.reportPath();
        }
    }

    /** Activity and card form re-send a request in flight at a kill, and only those: at most the in-flight chunks per kill. */
    private void assertOnlyInFlightResent(Audience audience, int kills) {
        long resends = audience.validIds().stream().mapToLong(id -> sandbox.platform().requestsCarrying(id) - 1).sum();
        assertThat(audience.validIds()).allSatisfy(id ->
                assertThat(sandbox.platform().requestsCarrying(id)).as(id).isBetween(1L, 1L + kills));
        assertThat(resends).as("recipients carried again").isLessThanOrEqualTo((long) kills * CHUNK * IN_FLIGHT);
    }

    private long lastCampaignExecution() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "root", "");
             ResultSet rows = connection.createStatement().executeQuery("""
                     SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e
                     JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'campaignJob'
                     """)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", "root");
        properties.put("superapp.base-url", sandbox.baseUrl());
        properties.put("superapp.app-id", APP_ID);
        properties.put("superapp.secret", SECRET);
        properties.put("cardform.base-url", sandbox.baseUrl());
        properties.put("cardform.miniapp-id", APP_ID);
        properties.put("cardform.biz-id", SandboxCardForm.DEFAULT_BIZ_ID);
        properties.put("cardform.secret-access-key", SECRET);
        properties.put("reports.dir", dir.resolve("reports").toString());
        properties.put("push.chunk-size", Integer.toString(CHUNK));
        properties.put("platform.max-in-flight", Integer.toString(IN_FLIGHT));
        return properties;
    }
}
