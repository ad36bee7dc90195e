package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.SuperappBatchApplication;
import dev.superapp.batch.cli.SuperappCommand;
import dev.superapp.batch.sandbox.Fault;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once across a crash: a child JVM pushes a campaign and is killed with SIGKILL in the
 * middle; pushing the same file again finishes it. Nobody is notified twice; activity chunks that
 * were in flight are re-sent with the same activityId, and nothing acknowledged is sent again; a resend killed
 * midway is finished by the next push in the same way.
 */
class PushSurvivesAKilledProcessTest {

    private static final int VALID = 1500;
    private static final int CHUNK = 10;
    private static final int IN_FLIGHT = 2;

    @TempDir
    Path dir;

    private final SandboxServer sandbox = SandboxServer.start(
            SandboxSettings.defaults("crash-app", "crash-secret").withLatency(Duration.ofMillis(60)));
    private final String databaseUrl = TestDatabase.MARIADB.freshUrl();

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void notifyCampaignKilledMidwayFinishesWithoutNotifyingAnyoneTwice() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", "n-", VALID);
        Path campaign = AudienceFiles.campaign(dir, "notify", """
                campaign: crash-notify
                channel: notify
                audience: n-audience.csv
                notify: {notifyType: 1, title: Hello, text: Hi, navigateType: "1", language: en_US}
                """);

        killMidway(campaign, OpenApiPaths.SEND_NOTIFY);
        // At once: the killed run held its lease from this host, and its process is gone.
        Result resumed = push(arguments(campaign));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(audience.validIds()).allSatisfy(id ->
                assertThat(sandbox.platform().deliveryCount(id)).as(id).isLessThanOrEqualTo(1));
        long unknown = count(resumed.out(), "UNKNOWN");
        assertThat(unknown).isLessThanOrEqualTo(CHUNK * IN_FLIGHT);
        assertThat(count(resumed.out(), "SENT") + unknown).isEqualTo(VALID);
        assertThat(audience.validIds().stream().filter(id -> sandbox.platform().deliveryCount(id) == 1).count())
                .isGreaterThanOrEqualTo(count(resumed.out(), "SENT"));
    }

    @Test
    void activityCampaignKilledMidwayAndRestartedResendsOnlyWhatWasInFlight() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", "a-", VALID);
        Path campaign = AudienceFiles.campaign(dir, "activity", """
                campaign: crash-activity
                channel: activity
                audience: a-audience.csv
                activity: {activityId: crash-card, templateId: "1", color: FFFFFF, title: Sale, text: Off,
                           iconUrl: "https://cdn.example/i.png", validityTime: 600, status: 1, language: en_US}
                """);

        killMidway(campaign, OpenApiPaths.SEND_ACTIVITY);
        String[] restart = arguments(campaign);
        restart[0] = "restart";
        restart[1] = Long.toString(lastExecutionId());
        Result restarted = push(restart);
        Result pushedAgain = push(arguments(campaign));

        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("COMPLETED");
        assertThat(pushedAgain.out()).contains("already finished");
        assertThat(count(pushedAgain.out(), "SENT")).isEqualTo(VALID);
        assertThat(audience.validIds()).allSatisfy(id ->
                assertThat(sandbox.platform().deliveryCount(id)).as(id).isEqualTo(1));
        assertThat(audience.validIds()).allSatisfy(id ->
                assertThat(sandbox.platform().requestsCarrying(id)).as(id).isBetween(1L, 2L));
        assertThat(audience.validIds().stream().filter(id -> sandbox.platform().requestsCarrying(id) == 2))
                .as("only chunks in flight at the kill are sent again").hasSizeLessThanOrEqualTo(CHUNK * IN_FLIGHT);
    }

    @Test
    void notifyResendKilledMidwayIsFinishedByTheNextPushWithoutNotifyingAnyoneTwice() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", "r-", VALID);
        Path campaign = AudienceFiles.campaign(dir, "resend", """
                campaign: crash-resend
                channel: notify
                audience: r-audience.csv
                notify: {notifyType: 1, title: Hello, text: Hi, navigateType: "1", language: en_US}
                """);
        // Every request of the first attempt is answered 503 before the platform acts: all UNKNOWN, nobody notified.
        sandbox.platform().failNext(OpenApiPaths.SEND_NOTIFY, VALID / CHUNK, Fault.HTTP_503);
        assertThat(count(push(arguments(campaign)).out(), "UNKNOWN")).isEqualTo(VALID);

        killMidway(arguments(campaign, "--resend=UNKNOWN"), OpenApiPaths.SEND_NOTIFY);
        Result resumed = push(arguments(campaign));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(audience.validIds()).allSatisfy(id ->
                assertThat(sandbox.platform().deliveryCount(id)).as(id).isLessThanOrEqualTo(1));
        long unknown = count(resumed.out(), "UNKNOWN");
        assertThat(unknown).as("only the requests in flight at the kill").isLessThanOrEqualTo(CHUNK * IN_FLIGHT);
        assertThat(count(resumed.out(), "SENT") + unknown).isEqualTo(VALID);
        // A second resend sends the few left in doubt by the kill once more, as a person asked; nobody else.
        Result askedAgain = push(arguments(campaign, "--resend=UNKNOWN"));
        assertThat(askedAgain.out()).contains(unknown > 0 ? "attempt 3 asked by os:" : "nothing was sent");
        assertThat(audience.validIds().stream().filter(id -> sandbox.platform().deliveryCount(id) == 2).count())
                .isLessThanOrEqualTo(unknown);
    }

    private void killMidway(Path campaign, String endpoint) throws Exception {
        killMidway(arguments(campaign), endpoint);
    }

    private void killMidway(String[] arguments, String endpoint) throws Exception {
        long before = sandbox.platform().requestCount(endpoint);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SuperappBatchApplication.class.getName()));
        command.addAll(List.of(arguments));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                .until(() -> sandbox.platform().requestCount(endpoint) - before >= 30 || !child.isAlive());
        assertThat(child.isAlive()).as("the child is still sending when killed").isTrue();
        child.destroyForcibly().waitFor();
        assertThat(sandbox.platform().requestCount(endpoint) - before).isLessThan(VALID / CHUNK);
    }

    private long lastExecutionId() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "root", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Runs the command line again in this JVM, as a person would after the crash. */
    private static Result push(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SuperappCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), arguments);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }

    private String[] arguments(Path campaign, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("push", campaign.toString(),
                "-Dspring.datasource.url=" + databaseUrl, "-Dspring.datasource.username=root",
                "-Dsuperapp.base-url=" + sandbox.baseUrl(), "-Dsuperapp.app-id=crash-app",
                "-Dsuperapp.secret=crash-secret", "-Dreports.dir=" + dir.resolve("reports"),
                "-Dpush.chunk-size=" + CHUNK, "-Dplatform.max-in-flight=" + IN_FLIGHT));
        arguments.addAll(List.of(extra));
        return arguments.toArray(String[]::new);
    }

    /** The count printed for one outcome in push's summary table. */
    private static long count(String output, String outcome) {
        return output.lines().filter(line -> line.startsWith(outcome + " ")).findFirst()
                .map(line -> Long.parseLong(line.substring(outcome.length()).strip())).orElse(0L);
    }
}
