package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code push} as a person runs it: bad definitions and settings exit 2 with lines that say what to fix. */
class PushCommandTest {

    @TempDir
    Path dir;

    @Test
    void definitionWithSeveralProblemsIsRejectedWithOneLineEachAndExit2() throws Exception {
        Path campaign = AudienceFiles.campaign(dir, "bad", """
                campaign: "not an id!"
                channel: notify
                audience: missing.csv
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "2", language: en_US}
                """);

        CliRun run = CliRun.run("push", campaign.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(line -> assertThat(line).contains("bad.yaml").contains("campaign"))
                .anySatisfy(line -> assertThat(line).contains("audience"))
                .anySatisfy(line -> assertThat(line).contains("url"));
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void missingPlatformCredentialsExit2BeforeAnythingIsStaged() throws Exception {
        AudienceFiles.write(dir, "open_id", "p-", 5);
        Path campaign = AudienceFiles.campaign(dir, "ok", """
                campaign: creds-check
                channel: notify
                audience: p-audience.csv
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "1", language: en_US}
                """);

        CliRun run = CliRun.run("push", campaign.toString(), "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("superapp.base-url is not set (SUPERAPP_BASE_URL)");
    }

    @Test
    void pushPrintsOutcomesAndTheDeliveryReportThenSaysAFinishedCampaignSendsNothing() throws Exception {
        AudienceFiles.write(dir, "open_id", "cli-push-", 75);
        Path campaign = AudienceFiles.campaign(dir, "cli-push", """
                campaign: cli-push
                channel: notify
                audience: cli-push-audience.csv
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "1", language: en_US}
                """);
        String[] arguments = {"push", campaign.toString(), "-Dspring.datasource.url=" + TestDatabase.MARIADB.freshUrl(),
                "-Dspring.datasource.username=root", "-Dreports.dir=" + dir.resolve("reports"),
                "-Dsuperapp.base-url=" + TestSandbox.server().baseUrl(), "-Dsuperapp.app-id=" + TestSandbox.APP_ID,
                "-Dsuperapp.secret=" + TestSandbox.SECRET};

        CliRun first = CliRun.run(arguments);
        CliRun second = CliRun.run(arguments);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("(?m)^SENT\\s+75$").containsPattern("(?m)^INVALID\\s+3$")
                .containsPattern("(?m)^DUPLICATE\\s+2$");
        String report = first.outLines().stream().filter(line -> line.startsWith("report: ")).findFirst().orElseThrow();
        assertThat(Files.readAllLines(Path.of(report.substring("report: ".length())))).hasSize(81)
                .first().isEqualTo("line,recipient,outcome,request_id,detail");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("campaign cli-push already finished").contains("nothing was sent");
    }
}
