package dev.superapp.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.cli.SuperappCommand;
import dev.superapp.batch.faults.DeliveryReportRows.Row;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reports folder that cannot be written, or a disk that fills while a report is written: a reconciliation or a
 * campaign fails
 * saying which file and why, no report (nor part of the run's set of files) is published, and {@code restart}
 * once the folder is fixed publishes the whole set, deciding nothing again. Root ignores file modes, so an
 * unwritable folder is a path under a regular file; a full disk is the report's partial file linked to
 * {@code /dev/full}, which fails every write with "No space left on device".
 */
class ReportsFolderFaultTest {

    private static final String BUSINESS_DATE = "2026-12-01";

    @TempDir
    Path dir;

    private final String databaseUrl = TestDatabase.MARIADB.freshUrl();

    @Test
    void aReportsFolderUnderARegularFileFailsTheRunNamingItAndRestartPublishesTheReport() throws Exception {
        try (ReconciliationScenario scenario = new ReconciliationScenario(databaseUrl, dir, 12)) {
            Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file");
            Result failed = run(scenario, notAFolder.resolve("reports"), "reconcile", "--business-date=" + BUSINESS_DATE);

            assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
            assertThat(failed.out() + failed.err()).contains("cannot write report").contains(notAFolder.toString());

            Path reports = dir.resolve("reports");
            Result restarted = run(scenario, reports, "restart", Long.toString(scenario.lastExecution()));

            assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
            assertThat(published(reports)).anyMatch(name -> name.endsWith(".manifest.json"));
            scenario.assertDecidedOnceAndClosedOnce();
        }
    }

    @Test
    void aDiskThatFillsWhileTheSummaryIsWrittenPublishesNothingOfTheRunAndRestartPublishesItAll() throws Exception {
        try (ReconciliationScenario scenario = new ReconciliationScenario(databaseUrl, dir, 12)) {
            Path reports = Files.createDirectories(dir.resolve("reports"));
            // The first execution of a fresh database is 1; a few more in case the sequence starts elsewhere.
            List<Path> full = new ArrayList<>();
            for (long execution = 0; execution <= 3; execution++) {
                full.add(Files.createSymbolicLink(reports.resolve("reconciliation-%s-%d-summary.csv.part"
                        .formatted(BUSINESS_DATE, execution)), Path.of("/dev/full")));
            }
            Result failed = run(scenario, reports, "reconcile", "--business-date=" + BUSINESS_DATE);

            assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
            assertThat(failed.out().lines().filter(line -> line.startsWith("failed: ")))
                    .singleElement().asString().matches("failed: cannot write report .*-summary\\.csv: No space left on device");
            assertThat(failed.out()).doesNotContain("Caused by");
            assertThat(published(reports)).as("nothing of the failed run is published").isEmpty();
            for (Path link : full) {
                Files.deleteIfExists(link);
            }

            Result restarted = run(scenario, reports, "restart", Long.toString(scenario.lastExecution()));

            assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
            assertThat(published(reports)).anyMatch(name -> name.endsWith("-summary.csv"))
                    .anyMatch(name -> name.endsWith(".manifest.json"));
            scenario.assertDecidedOnceAndClosedOnce();
        }
    }

    @Test
    void aCampaignWhoseReportsFolderIsUnwritableFailsSayingWhyAndPushAgainReportsEveryLineNotifyingNobodyAgain()
            throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults(ReconciliationScenario.APP_ID,
                ReconciliationScenario.SECRET))) {
            Map<String, String> properties = Map.of("spring.datasource.url", databaseUrl,
                    "spring.datasource.username", "root", "superapp.base-url", sandbox.baseUrl(),
                    "superapp.app-id", ReconciliationScenario.APP_ID, "superapp.secret", ReconciliationScenario.SECRET);
            Audience audience = AudienceFiles.write(dir, "open_id", "r-", 40);
            Path campaign = AudienceFiles.campaign(dir, "notify", """
                    campaign: reports-notify
                    channel: notify
                    audience: r-audience.csv
                    notify: {notifyType: 1, title: Hello, text: Hi, navigateType: "1", language: en_US}
                    """);
            Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file");
            Result failed = run(properties, notAFolder.resolve("reports"), "push", campaign.toString());

            assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
            assertThat(failed.out().lines().filter(line -> line.startsWith("failed: "))).singleElement().asString()
                    .startsWith("failed: cannot write report " + notAFolder);

            Path reports = dir.resolve("reports");
            Result again = run(properties, reports, "push", campaign.toString());

            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            Path report = Path.of(again.out().lines().filter(line -> line.startsWith("report: ")).findFirst()
                    .orElseThrow().substring("report: ".length()));
            assertThat(DeliveryReportRows.byRecipient(report, audience).values()).extracting(Row::outcome)
                    .containsOnly("SENT");
            assertThat(audience.validIds()).allSatisfy(id ->
                    assertThat(sandbox.platform().deliveryCount(id)).as(id).isEqualTo(1));
        }
    }

    private Result run(ReconciliationScenario scenario, Path reports, String... command) {
        return run(scenario.properties(databaseUrl), reports, command);
    }

    /** Runs the command line in this JVM with {@code properties} and {@code reports} as reports.dir. */
    private static Result run(Map<String, String> properties, Path reports, String... command) {
        Map<String, String> withReports = new LinkedHashMap<>(properties);
        withReports.put("reports.dir", reports.toString());
        List<String> arguments = new ArrayList<>(List.of(command));
        withReports.forEach((name, value) -> arguments.add("-D" + name + "=" + value));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SuperappCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                arguments.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** The files of the folder under their final names (partial files and their links left out). */
    private static List<String> published(Path reports) throws IOException {
        try (Stream<Path> files = Files.list(reports)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".part")).toList();
        }
    }
}
