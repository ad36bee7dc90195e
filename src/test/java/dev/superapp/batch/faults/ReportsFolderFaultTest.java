package dev.superapp.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.SuperappBatchApplication;
import dev.superapp.batch.campaign.callback.CardFormCallbackHandler;
import dev.superapp.batch.cli.SuperappCommand;
import dev.superapp.batch.faults.DeliveryReportRows.Row;
import dev.superapp.batch.platform.cardform.CardFormSignedFields;
import dev.superapp.batch.platform.cardform.CardFormSigner;
import dev.superapp.batch.sandbox.SandboxCardForm;
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
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A reports folder that cannot be written, or a disk that fills while a report is written: a reconciliation or a
 * campaign fails saying which file and why, no report (nor part of the run's set of files) is published, and
 * {@code restart} or {@code push} again once the folder is fixed publishes the whole set, deciding and sending
 * nothing again. A campaign report rewritten after a late card-form callback that cannot be written leaves the
 * previous report and summary as they were. Root ignores file modes, so an
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
            Map<String, String> properties = campaignProperties(sandbox);
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
            Path report = reportOf(again);
            assertThat(DeliveryReportRows.byRecipient(report, audience).values()).extracting(Row::outcome)
                    .containsOnly("SENT");
            assertThat(audience.validIds()).allSatisfy(id ->
                    assertThat(sandbox.platform().deliveryCount(id)).as(id).isEqualTo(1));
        }
    }

    @Test
    void aCampaignWhoseSummaryCannotBeWrittenPublishesNeitherFileAndPushAgainPublishesBoth() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults(ReconciliationScenario.APP_ID,
                ReconciliationScenario.SECRET))) {
            Map<String, String> properties = campaignProperties(sandbox);
            Audience audience = AudienceFiles.write(dir, "open_id", "f-", 30);
            Path campaign = AudienceFiles.campaign(dir, "full", """
                    campaign: full-disk
                    channel: notify
                    audience: f-audience.csv
                    notify: {notifyType: 1, title: Hello, text: Hi, navigateType: "1", language: en_US}
                    """);
            Path reports = Files.createDirectories(dir.resolve("reports"));
            // Execution numbers of a fresh database start at 1; staging runs before the campaign, so a few more.
            List<Path> full = new ArrayList<>();
            for (long execution = 0; execution <= 6; execution++) {
                full.add(Files.createSymbolicLink(reports.resolve("campaign-full-disk-%d-summary.csv.part"
                        .formatted(execution)), Path.of("/dev/full")));
            }
            Result failed = run(properties, reports, "push", campaign.toString());

            assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
            assertThat(failed.out().lines().filter(line -> line.startsWith("failed: "))).singleElement().asString()
                    .matches("failed: cannot write report .*/campaign-full-disk-\\d+-summary\\.csv: No space left on device");
            assertThat(published(reports)).as("neither the report nor its summary is published").isEmpty();
            for (Path link : full) {
                Files.deleteIfExists(link);
            }

            Result again = run(properties, reports, "push", campaign.toString());

            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            Path report = reportOf(again);
            assertThat(published(reports)).containsExactlyInAnyOrder(report.getFileName().toString(),
                    summaryOf(report).getFileName().toString());
            assertThat(DeliveryReportRows.byRecipient(report, audience).values()).extracting(Row::outcome)
                    .containsOnly("SENT");
            assertThat(Files.readString(summaryOf(report))).contains("SENT," + audience.validIds().size());
            assertThat(audience.validIds()).allSatisfy(id ->
                    assertThat(sandbox.platform().deliveryCount(id)).as(id).isEqualTo(1));
        }
    }

    @Test
    void aLateCallbackWhoseRewriteFailsLeavesThePreviousReportAndSummaryAsTheyWere() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults(ReconciliationScenario.APP_ID,
                ReconciliationScenario.SECRET))) {
            Map<String, String> properties = campaignProperties(sandbox);
            Files.writeString(dir.resolve("late-audience.csv"), "unique_id\nx1\nx2\n");
            Path campaign = AudienceFiles.campaign(dir, "late", """
                    campaign: late-card
                    channel: cardform
                    audience: late-audience.csv
                    cardform:
                      text: {imageUrl: "https://cdn.example/c.jpg", clickUrl: "launcherdlt://miniapp?appId=1&page=pages/index/index&query=a%3D1"}
                      keyword: iphone
                    """);
            Path reports = dir.resolve("reports");
            Result pushed = run(properties, reports, "push", campaign.toString());
            assertThat(pushed.exitCode()).as(pushed.out() + pushed.err()).isZero();
            Path report = reportOf(pushed);
            Path summary = summaryOf(report);
            String reportBefore = Files.readString(report);
            String summaryBefore = Files.readString(summary);
            String request = reportBefore.lines().filter(line -> line.contains(",x2,")).findFirst().orElseThrow()
                    .split(",")[3];
            Path full = Files.createSymbolicLink(reports.resolve(summary.getFileName() + ".part"), Path.of("/dev/full"));

            try (ConfigurableApplicationContext context = application(properties, reports)) {
                CardFormCallbackHandler handler = context.getBean(CardFormCallbackHandler.class);

                assertThat(handler.handle(callback(request, "[\"x2\"]", System.currentTimeMillis())).status())
                        .as("the callback is applied though its report could not be rewritten").isEqualTo(200);
                assertThat(Files.readString(report)).isEqualTo(reportBefore);
                assertThat(Files.readString(summary)).isEqualTo(summaryBefore);
                assertThat(published(reports)).containsExactlyInAnyOrder(report.getFileName().toString(),
                        summary.getFileName().toString());

                Files.deleteIfExists(full);
                handler.handle(callback(request, "[\"x1\",\"x2\"]", System.currentTimeMillis() + 1));
            }
            assertThat(Files.readString(report)).contains(",x1,REJECTED,").contains(",x2,REJECTED,");
            assertThat(Files.readString(summary)).contains("REJECTED,2");
        }
    }

    /** A card-form callback for {@code request} listing {@code failed} as not delivered, signed as the sandbox would. */
    private static String callback(String request, String failed, long timeStampMillis) {
        String returInfo = "{\"code\":0,\"data\":{\"errorUniqueId\":" + failed + "}}";
        String timeStamp = String.valueOf(timeStampMillis);
        String sign = new CardFormSigner(ReconciliationScenario.SECRET).sign(new CardFormSignedFields(request,
                SandboxCardForm.DEFAULT_BIZ_ID, ReconciliationScenario.APP_ID, "", returInfo, timeStamp));
        return "{\"requestId\":\"" + request + "\",\"bizId\":\"" + SandboxCardForm.DEFAULT_BIZ_ID
                + "\",\"miniappId\":\"" + ReconciliationScenario.APP_ID + "\",\"operatorId\":\"\",\"timeStamp\":\""
                + timeStamp + "\",\"returInfo\":" + returInfo + ",\"sign\":\"" + sign + "\"}";
    }

    /** The application as {@code serve} has it, without the web server: what receives the card form's callbacks. */
    private static ConfigurableApplicationContext application(Map<String, String> properties, Path reports) {
        Map<String, String> withReports = new LinkedHashMap<>(properties);
        withReports.put("reports.dir", reports.toString());
        // As arguments, so that they outrank application.yaml as the command line's properties do.
        return new SpringApplicationBuilder(SuperappBatchApplication.class).web(WebApplicationType.NONE)
                .run(withReports.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    private Map<String, String> campaignProperties(SandboxServer sandbox) {
        return Map.of("spring.datasource.url", databaseUrl, "spring.datasource.username", "root",
                "superapp.base-url", sandbox.baseUrl(), "superapp.app-id", ReconciliationScenario.APP_ID,
                "superapp.secret", ReconciliationScenario.SECRET, "cardform.base-url", sandbox.baseUrl(),
                "cardform.miniapp-id", ReconciliationScenario.APP_ID, "cardform.biz-id", SandboxCardForm.DEFAULT_BIZ_ID,
                "cardform.secret-access-key", ReconciliationScenario.SECRET);
    }

    private static Path reportOf(Result result) {
        return Path.of(result.out().lines().filter(line -> line.startsWith("report: ")).findFirst().orElseThrow()
                .substring("report: ".length()));
    }

    private static Path summaryOf(Path report) {
        String name = report.getFileName().toString();
        return report.resolveSibling(name.substring(0, name.length() - ".csv".length()) + "-summary.csv");
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
