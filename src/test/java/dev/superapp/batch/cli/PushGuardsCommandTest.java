package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code push --dry-run}, {@code push --test} and a definition's {@code notAfter}, as a person runs them. */
class PushGuardsCommandTest {

    @TempDir
    Path dir;

    private final SandboxPlatform sandbox = TestSandbox.platform();
    private final String prefix = "p" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void aDryRunPrintsTheStagedCountsAndThePlanSendsNothingAndTheCampaignIsPushedLater() {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 120);
        Path campaign = notifyCampaign("timeZone: Asia/Riyadh\nnotAfter: 2099-12-24T23:59:59+03:00");
        String database = TestDatabase.H2.freshUrl();

        CliRun dry = CliRun.run(arguments(database, "push", "--dry-run", campaign.toString(), "-Dplatform.rate-limit=2"));

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).startsWith("dry run of campaign " + prefix + "notify: nothing was sent")
                .containsPattern("(?m)^valid\\s+120$").containsPattern("(?m)^invalid\\s+3$")
                .containsPattern("(?m)^duplicate\\s+2$").contains("line 12: duplicate of line 4", "line 13: invalid: bad character U+0020 at position 4")
                .containsPattern("(?m)^recipients\\s+120$").containsPattern("(?m)^requests\\s+3$")
                .containsPattern("(?m)^rate\\s+2\\.0 requests/s, the configured platform.rate-limit$")
                .containsPattern("(?m)^duration\\s+2s$")
                .containsPattern("(?m)^starts\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d AST \\(\\+03:00\\)$")
                .containsPattern("(?m)^finishes\\s+.* AST \\(\\+03:00\\)$")
                .containsPattern("(?m)^notAfter\\s+2099-12-24 23:59:59 AST \\(\\+03:00\\)$");
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).isZero());

        CliRun push = CliRun.run(arguments(database, "push", campaign.toString()));

        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).containsPattern("(?m)^SENT\\s+120$");
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).isEqualTo(1));
    }

    @Test
    void aDryRunWithoutARateSaysItReckonsWithTheLimitersStartingRate() {
        AudienceFiles.write(dir, "open_id", prefix, 10);

        CliRun dry = CliRun.run(arguments(TestDatabase.H2.freshUrl(), "push", "--dry-run", notifyCampaign("").toString()));

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).containsPattern("(?m)^rate\\s+20\\.0 requests/s, the adaptive limiter's starting rate");
    }

    @Test
    void aTestGoesToTheNamedRecipientsOnlyAndLeavesTheCampaignUnsent() {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 30);
        String tester = audience.validIds().get(4);
        String outsider = prefix + "outsider";

        CliRun test = CliRun.run(arguments(TestDatabase.MARIADB.freshUrl(), "push", "--test=" + tester + "," + outsider,
                notifyCampaign("").toString(), "-Dspring.datasource.username=root"));

        assertThat(test.exitCode()).as(test.err()).isZero();
        assertThat(test.out()).containsPattern("test \\d+ of campaign " + prefix + "notify to 2 recipient\\(s\\): ACKNOWLEDGED"
                + " \\(request " + prefix + "notify-[0-9a-f]{8}-test-\\d+\\)");
        assertThat(sandbox.deliveryCount(tester)).isEqualTo(1);
        assertThat(sandbox.deliveryCount(outsider)).isEqualTo(1);
        assertThat(audience.validIds()).filteredOn(id -> !id.equals(tester))
                .allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).isZero());
    }

    @Test
    void badTestIdsAndTooManyOfThemExit2WithOneLineBeforeAnythingStarts() {
        Path campaign = notifyCampaign("");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("id" + i);
        }

        CliRun bad = CliRun.run("push", "--test=ok-1,not/ok", campaign.toString());
        CliRun tooMany = CliRun.run("push", "--test=" + String.join(",", many), campaign.toString());
        CliRun both = CliRun.run("push", "--test=ok-1", "--dry-run", campaign.toString());

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).containsExactly("test recipient 'not/ok' is not a recipient id: bad character '/' at position 4:"
                + " only A-Z, a-z, 0-9, _ and - are allowed");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.errLines()).containsExactly("a test goes to at most 50 recipients (one request), not 51");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.errLines()).hasSize(1);
    }

    @Test
    void aCampaignWhoseNotAfterHasPassedIsRefusedWithOneLineAndExit2() {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 5);

        CliRun run = CliRun.run(arguments(TestDatabase.H2.freshUrl(), "push",
                notifyCampaign("notAfter: 2021-06-01T12:00:00Z").toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("notAfter: 2021-06-01T12:00Z has passed; campaign " + prefix
                + "notify would send nothing (set a later notAfter)");
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).isZero());
    }

    @Test
    void aNotAfterWithoutItsOffsetIsAProblemOfTheDefinition() {
        AudienceFiles.write(dir, "open_id", prefix, 5);

        CliRun run = CliRun.run("push", notifyCampaign("notAfter: 2026-12-24T23:59:59\ntimeZone: Mars/Olympus").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).anySatisfy(line -> assertThat(line).endsWith("notAfter: '2026-12-24T23:59:59' is not a date"
                        + " and time with its offset, such as 2026-12-24T23:59:59+03:00"))
                .anySatisfy(line -> assertThat(line).endsWith("timeZone: 'Mars/Olympus' is not a time zone, such as"
                        + " Asia/Riyadh or Europe/Paris"));
    }

    private Path notifyCampaign(String extra) {
        return AudienceFiles.campaign(dir, prefix + "notify", """
                campaign: %snotify
                channel: notify
                audience: %saudience.csv
                %s
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "1", language: en_US}
                """.formatted(prefix, prefix, extra));
    }

    private String[] arguments(String database, String... command) {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(List.of("-Dspring.datasource.url=" + database, "-Dreports.dir=" + dir.resolve("reports"),
                "-Dsuperapp.base-url=" + TestSandbox.server().baseUrl(), "-Dsuperapp.app-id=" + TestSandbox.APP_ID,
                "-Dsuperapp.secret=" + TestSandbox.SECRET));
        return arguments.toArray(String[]::new);
    }
}
