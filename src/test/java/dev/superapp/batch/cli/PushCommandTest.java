package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.sandbox.SandboxCardForm;
import dev.superapp.batch.sandbox.Fault;
import dev.superapp.batch.sandbox.OpenApiPaths;
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

    @Test
    void aCampaignThatSentNobodyOrHadMostRejectedExits1AndRunsShowsItCompletedWithFailures() throws Exception {
        String database = TestDatabase.MARIADB.freshUrl();
        Files.writeString(dir.resolve("none-audience.csv"), "unique_id\nnot valid!\n,\n");
        StringBuilder most = new StringBuilder("unique_id\n");
        StringBuilder few = new StringBuilder("unique_id\n");
        for (int i = 0; i < 10; i++) {
            most.append(i < 6 ? "unknown-" : "").append("cli-most-").append(i).append('\n');
            few.append(i < 1 ? "unknown-" : "").append("cli-few-").append(i).append('\n');
        }
        Files.writeString(dir.resolve("most-audience.csv"), most);
        Files.writeString(dir.resolve("few-audience.csv"), few);

        CliRun none = CliRun.run(push(cardForm("cli-none", "none-audience.csv"), database));
        CliRun again = CliRun.run(push(cardForm("cli-none", "none-audience.csv"), database));
        CliRun mostRejected = CliRun.run(push(cardForm("cli-most", "most-audience.csv"), database));
        CliRun fewRejected = CliRun.run(push(cardForm("cli-few", "few-audience.csv"), database));
        CliRun runs = CliRun.run("runs", "-Dspring.datasource.url=" + database, "-Dspring.datasource.username=root");

        assertThat(none.exitCode()).as(none.err()).isEqualTo(1);
        assertThat(none.out()).contains("finished with errors: no recipient was sent the push (0 sent, 0 rejected, 0 failed,"
                + " 0 unknown, 2 invalid, 0 duplicate)").doesNotContain("push the same file again");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).contains("campaign cli-none already finished", "nothing was sent", "finished with errors: ");
        assertThat(mostRejected.exitCode()).as(mostRejected.err()).isEqualTo(1);
        assertThat(mostRejected.out()).contains("finished with errors: 6 of 10 recipients (60%) were rejected or failed,"
                + " more than campaign.max-error-rate 50%");
        assertThat(fewRejected.exitCode()).as(fewRejected.err()).isZero();
        assertThat(fewRejected.out()).containsPattern("(?m)^REJECTED\\s+1$").doesNotContain("finished with errors");
        assertThat(runs.outLines()).filteredOn(line -> line.contains("campaign cli-none") || line.contains("campaign cli-most"))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("COMPLETED (COMPLETED_WITH_FAILURES)"));
        assertThat(runs.outLines()).filteredOn(line -> line.contains("campaign cli-few")).singleElement()
                .satisfies(line -> assertThat(line).contains("COMPLETED").doesNotContain("WITH_FAILURES"));
    }

    @Test
    void anAmbiguousMaxErrorRateStopsTheCommandWithOneLineAndExit2() throws Exception {
        AudienceFiles.write(dir, "open_id", "rate-", 5);
        Path campaign = AudienceFiles.campaign(dir, "rate", """
                campaign: rate-check
                channel: notify
                audience: rate-audience.csv
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "1", language: en_US}
                """);

        CliRun run = CliRun.run("push", campaign.toString(), "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl(),
                "-Dcampaign.max-error-rate=50");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains("campaign.max-error-rate must be a percentage from 0% to 100% (50%) or a fraction"
                + " from 0 to 1 (0.5), was 50").doesNotContain("\tat ");
    }

    private Path cardForm(String campaignId, String audience) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: cardform
                audience: %s
                cardform:
                  text: {imageUrl: "https://cdn.example/c.jpg", clickUrl: "launcherdlt://miniapp?appId=1&page=pages/index/index&query=a%%3D1"}
                  keyword: iphone
                  labels: [{labelName: country, labelValue: "406"}]
                """.formatted(campaignId, audience));
    }

    private String[] push(Path campaign, String database) {
        return new String[] {"push", campaign.toString(), "-Dspring.datasource.url=" + database,
                "-Dspring.datasource.username=root", "-Dreports.dir=" + dir.resolve("reports"),
                "-Dcardform.base-url=" + TestSandbox.server().baseUrl(), "-Dcardform.miniapp-id=" + TestSandbox.APP_ID,
                "-Dcardform.biz-id=" + SandboxCardForm.DEFAULT_BIZ_ID, "-Dcardform.secret-access-key=" + TestSandbox.SECRET};
    }

    @Test
    void resendOfAnythingButUnknownOrFailedExits2WithOneLineBeforeAnythingStarts() throws Exception {
        for (String never : new String[] {"SENT", "UNKNOWN,REJECTED", "DUPLICATE", ""}) {
            CliRun run = CliRun.run("push", "--resend=" + never, dir.resolve("no-such.yaml").toString());

            assertThat(run.exitCode()).as(never).isEqualTo(2);
            assertThat(run.errLines()).as(never).containsExactly("--resend=" + never
                    + ": only FAILED or UNKNOWN recipients can be sent again; '" + never.replace("UNKNOWN,", "")
                    + "' is not one of them");
        }
    }

    @Test
    void resendSendsTheUnknownRecipientsOnceAsAskedByTheOsUserThenSaysNothingIsLeft() throws Exception {
        AudienceFiles.write(dir, "open_id", "cli-resend-", 100);
        Path campaign = AudienceFiles.campaign(dir, "cli-resend", """
                campaign: cli-resend
                channel: notify
                audience: cli-resend-audience.csv
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "1", language: en_US}
                """);
        String database = "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl();
        String[] settings = {database, "-Dreports.dir=" + dir.resolve("reports"),
                "-Dsuperapp.base-url=" + TestSandbox.server().baseUrl(), "-Dsuperapp.app-id=" + TestSandbox.APP_ID,
                "-Dsuperapp.secret=" + TestSandbox.SECRET};
        TestSandbox.platform().failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.BAD_GATEWAY_AFTER_ACTING);
        CliRun first = CliRun.run(with(settings, "push", campaign.toString()));
        assertThat(first.out()).containsPattern("(?m)^UNKNOWN\\s+50$");

        CliRun resend = CliRun.run(with(settings, "push", "--resend=UNKNOWN", campaign.toString()));
        CliRun again = CliRun.run(with(settings, "push", "--resend=UNKNOWN", campaign.toString()));

        assertThat(resend.exitCode()).as(resend.err()).isZero();
        assertThat(resend.out()).contains("campaign cli-resend, attempt 2 asked by os:" + System.getProperty("user.name")
                + " at ").contains(": 50 UNKNOWN recipient(s) sent again").containsPattern("(?m)^SENT\\s+100$")
                .containsPattern("(?m)^UNKNOWN\\s+0$");
        String report = resend.outLines().stream().filter(line -> line.startsWith("report: ")).findFirst().orElseThrow();
        assertThat(Files.readAllLines(Path.of(report.substring("report: ".length()))))
                .filteredOn(line -> line.contains(",SENT,") && line.contains("attempt 2 (was UNKNOWN)")).hasSize(50);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("campaign cli-resend has no UNKNOWN recipients left to resend; nothing was sent");
    }

    private static String[] with(String[] settings, String... arguments) {
        String[] all = new String[arguments.length + settings.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(settings, 0, all, arguments.length, settings.length);
        return all;
    }
}
