package dev.superapp.batch.schedule;

import static dev.superapp.batch.schedule.ServeSchedulingContract.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.cli.SuperappCommand;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code serve} as operations run it: real child JVMs on one MariaDB. Two nodes share the schedules
 * (every fire runs on one node); a node killed mid-push leaves its execution to the other, which
 * recovers it and finishes the push without sending anything twice; SIGTERM stops a push at a chunk
 * boundary, STOPPED, the process exits, and pushing again resumes it.
 */
class ServeClusterTest {

    private static final int VALID = 800;
    private static final int CHUNK = 10;
    private static final int IN_FLIGHT = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final SandboxServer sandbox = SandboxServer.start(
            SandboxSettings.defaults("serve-app", "serve-secret").withLatency(Duration.ofMillis(60)));
    private final String databaseUrl = TestDatabase.MARIADB.freshUrl();
    private final JdbcClient jdbc = JdbcClient.create((DataSource) new DriverManagerDataSource(databaseUrl, "root", ""));
    private final List<ServeNode> nodes = new ArrayList<>();
    private Audience audience;

    @BeforeEach
    void writeAudience() throws Exception {
        audience = AudienceFiles.write(Files.createDirectories(dir.resolve("jobs/campaigns")), "open_id", "c-", VALID);
    }

    /** Once the nodes serve, so that the push starts with every node up. */
    private void scheduleCampaign() {
        AudienceFiles.campaign(dir.resolve("jobs/campaigns"), "cards", """
                campaign: cluster-cards
                channel: activity
                audience: c-audience.csv
                schedule: "0/2 * * * * ?"
                activity: {activityId: cluster-card, templateId: "1", color: FFFFFF, title: Sale, text: Off,
                           iconUrl: "https://cdn.example/i.png", validityTime: 600, status: 1, language: en_US}
                """);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (ServeNode node : nodes) {
            node.close();
        }
        sandbox.close();
    }

    @Test
    void eachFireRunsOnOneNodeAndAKilledNodesPushIsFinishedByTheOtherWithoutDuplicates() throws Exception {
        Files.writeString(dir.resolve("jobs/reconciliation.yaml"), "job: reconciliation\ncron: \"0/2 * * * * ?\"\n");
        ServeNode a = serve("node-a");
        ServeNode b = serve("node-b");
        a.awaitServing();
        b.awaitServing();
        scheduleCampaign();

        awaitUntil("a node is pushing", () -> sandbox.platform().requestCount(OpenApiPaths.SEND_ACTIVITY) >= 20);
        String pushing = runningCampaignNode();
        ServeNode victim = pushing.equals(a.id()) ? a : b;
        ServeNode survivor = victim == a ? b : a;
        victim.kill();
        assertThat(sandbox.platform().requestCount(OpenApiPaths.SEND_ACTIVITY)).isLessThan(VALID / CHUNK);

        awaitUntil("the survivor finishes the push", () -> campaignExecutions("COMPLETED") == 1);
        SandboxPlatform platform = sandbox.platform();
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(platform.deliveryCount(id)).as(id).isEqualTo(1));
        assertThat(audience.validIds().stream().filter(id -> platform.requestsCarrying(id) > 1))
                .as("only chunks in flight at the kill are sent again").hasSizeLessThanOrEqualTo(CHUNK * IN_FLIGHT);
        List<String> executions = jdbc.sql("""
                SELECT e.STATUS, n.NODE_ID, n.RECOVERED_BY FROM job_node n
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = n.JOB_EXECUTION_ID
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'campaignJob' ORDER BY e.JOB_EXECUTION_ID""").query((rs, row) ->
                rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        assertThat(executions.get(0)).as("the killed node's execution, recovered by the survivor")
                .isEqualTo("FAILED " + victim.id() + " " + survivor.id());
        assertThat(executions.subList(1, executions.size())).as("every later execution runs on the survivor")
                .allSatisfy(execution -> assertThat(execution).contains(" " + survivor.id() + " "))
                .last().asString().startsWith("COMPLETED");
        // Fires come every 2 s, but a loaded machine may have let only one through by now: wait for a second.
        awaitUntil("at least two reconciliation fires", () -> jdbc.sql(
                "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'scheduledFireTime'")
                .query(Integer.class).single() >= 2);
        assertThat(jdbc.sql("""
                SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID
                WHERE p.PARAMETER_NAME = 'scheduledFireTime' AND e.STATUS = 'COMPLETED'
                GROUP BY p.PARAMETER_VALUE HAVING COUNT(*) > 1""").query(String.class).list())
                .as("no reconciliation slot completed twice (one the victim was running is resumed, not rerun)").isEmpty();

        assertThat(a.log() + b.log()).as("no fire was delivered to both nodes").doesNotContain("has already run");

        assertThat(survivor.management("/actuator/prometheus").body())
                .contains("batch_items_written_total{job=\"campaignJob\"", "spring_batch_job_seconds_count{");
        assertThat(survivor.terminate(PATIENCE)).as("the survivor exits on SIGTERM").isTrue();
    }

    @Test
    void sigtermStopsARunningPushAtAChunkBoundaryRestartableAndServesHealthAndMetricsUntilThen() throws Exception {
        ServeNode node = serve("node-only").awaitServing();
        scheduleCampaign();
        awaitUntil("the node is pushing", () -> sandbox.platform().requestCount(OpenApiPaths.SEND_ACTIVITY) >= 20);

        HttpResponse<String> health = node.management("/actuator/health");
        HttpResponse<String> metrics = node.management("/actuator/prometheus");
        assertThat(node.terminate(PATIENCE)).as("the node exits on SIGTERM").isTrue();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"db\":{", "\"scheduler\":{");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("platform_requests_total{endpoint=\"SuperApp sendActivity\",outcome=\"success\"",
                "platform_requests_in_flight");
        assertThat(campaignExecutions("STOPPED")).as("stopped, restartable").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_request WHERE state = 'IN_FLIGHT'").query(Integer.class).single())
                .as("the chunk under way was finished, not abandoned").isZero();
        assertThat(audience.validIds()).allSatisfy(id ->
                assertThat(sandbox.platform().requestsCarrying(id)).as(id).isLessThanOrEqualTo(1));

        StringWriter out = new StringWriter();
        int resumed = SuperappCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "push", dir.resolve("jobs/campaigns/cards.yaml").toString(), "-Dspring.datasource.url=" + databaseUrl,
                "-Dspring.datasource.username=root", "-Dsuperapp.base-url=" + sandbox.baseUrl(), "-Dsuperapp.app-id=serve-app",
                "-Dsuperapp.secret=serve-secret", "-Dreports.dir=" + dir.resolve("reports"), "-Dpush.chunk-size=" + CHUNK);
        assertThat(resumed).as(out.toString()).isZero();
        assertThat(audience.validIds()).as("resumed after the last commit: nobody sent twice").allSatisfy(id ->
                assertThat(sandbox.platform().requestsCarrying(id)).as(id).isEqualTo(1));
    }

    private ServeNode serve(String id) throws Exception {
        ServeNode node = ServeNode.launch(id, List.of("spring.datasource.url=" + databaseUrl,
                "spring.datasource.username=root", "jobs.dir=" + dir.resolve("jobs"), "jobs.scan-interval=1s",
                "jobs.dead-node-after=4s", "spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                "superapp.base-url=" + sandbox.baseUrl(), "superapp.app-id=serve-app", "superapp.secret=serve-secret",
                "reports.dir=" + dir.resolve("reports"), "push.chunk-size=" + CHUNK, "platform.max-in-flight=" + IN_FLIGHT));
        nodes.add(node);
        return node;
    }

    private String runningCampaignNode() {
        return jdbc.sql("""
                SELECT n.NODE_ID FROM job_node n
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = n.JOB_EXECUTION_ID
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'campaignJob' AND e.STATUS = 'STARTED'""").query(String.class).single();
    }

    private int campaignExecutions(String status) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'campaignJob' AND e.STATUS = ?""").param(status).query(Integer.class).single();
    }
}
