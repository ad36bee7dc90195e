package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reconcile} and {@code demo} as a person runs them, in-process, on real databases and HTTP. */
class ReconcileAndDemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void reconcileWithoutCredentialsSaysWhichSettingIsMissingAndExits2() {
        CliRun run = CliRun.run("reconcile", "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl(),
                "-Dreports.dir=" + dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("superapp.base-url is not set (SUPERAPP_BASE_URL)");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void reconcileWithABadBusinessDateExits2BeforeStarting() {
        CliRun run = CliRun.run("reconcile", "--business-date=2026-13-01");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--business-date").doesNotContain("Exception\n\tat");
    }

    @Test
    void reconcilePrintsTheSummaryAndTheReportPathOfTheNamedBusinessDay() throws Exception {
        String url = TestDatabase.MARIADB.freshUrl();
        Path orders = dir.resolve("orders.csv");
        Files.writeString(orders, """
                out_trade_no,trade_no,open_id,amount,currency,status,created_at
                CLI-1,cli-trade-1,open-cli,1234,USD,PENDING,2026-11-01T10:00:00+03:00
                """);
        TestSandbox.platform().addTrade(SandboxTrade.scripted("cli-trade-1", "CLI-1", "open-cli", 1234, "USD",
                CloseBehaviour.CLOSES, 2));
        String[] common = {"-Dspring.datasource.url=" + url, "-Dspring.datasource.username=root", "-Dreports.dir=" + dir,
                "-Dsuperapp.base-url=" + TestSandbox.server().baseUrl(), "-Dsuperapp.app-id=" + TestSandbox.APP_ID,
                "-Dsuperapp.secret=" + TestSandbox.SECRET};
        CliRun imported = CliRun.run(concat(new String[] {"import-orders", orders.toString()}, common));
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        CliRun run = CliRun.run(concat(new String[] {"reconcile", "--business-date=2026-11-02"}, common));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("MATCHED\\s+USD\\s+1\\s+1234\\s+1234")
                .containsPattern("(?m)^TOTAL\\s+USD\\s+1\\s+1234\\s+1234");
        Matcher report = Pattern.compile("report: (.*reconciliation-2026-11-02-\\d+\\.csv)").matcher(run.out());
        assertThat(report.find()).isTrue();
        assertThat(Files.readString(Path.of(report.group(1)))).contains("CLI-1,cli-trade-1,open-cli,MATCHED,MARK_PAID,PAID");
        assertThat(run.out()).doesNotContain(TestSandbox.SECRET);
        assertThat(run.err()).doesNotContain(TestSandbox.SECRET);
    }

    @Test
    void demoReconcilesTheSampleOrdersIntoEveryOutcomeAndPushesASampleCampaignPerChannel() throws Exception {
        CliRun run = CliRun.run("demo", "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl(), "-Dreports.dir=" + dir,
                "-Dreconciliation.poll-interval=10ms");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String outcome : new String[] {"MATCHED", "AMOUNT_MISMATCH", "CURRENCY_MISMATCH", "OPENID_MISMATCH",
                "PAYMENT_FAILED", "EXPIRED", "CANCELED", "CLOSED", "CLOSED_STALE", "STILL_PROCESSING",
                "MISSING_ON_PLATFORM", "NO_TRADE_NO", "ERROR"}) {
            assertThat(run.out()).containsPattern("(?m)^" + outcome + "\\s+[A-Z]{3}\\s+\\d+");
        }
        // 11 SAR and 4 USD sample orders: one total per currency, never one across them.
        assertThat(run.out()).containsPattern("(?m)^TOTAL\\s+SAR\\s+11\\s").containsPattern("(?m)^TOTAL\\s+USD\\s+4\\s")
                .doesNotContainPattern("(?m)^TOTAL\\s+15\\s");
        // The samples have mismatches and errors: the alerts are printed, and the files beside the report named.
        assertThat(run.out()).containsPattern("(?m)^alert: alerts\\.max-mismatches: \\d+ orders differ from the platform")
                .containsPattern("(?m)^open: .*-open\\.csv$").containsPattern("(?m)^manifest: .*\\.manifest\\.json$");
        Matcher report = Pattern.compile("report: (.*\\.csv)").matcher(run.out());
        assertThat(report.find()).isTrue();
        assertThat(Files.readAllLines(Path.of(report.group(1)))).hasSize(16);
        assertThat(run.out()).contains("campaign demo-activity-card, execution").contains("campaign demo-notify, execution")
                .contains("campaign demo-cardform, execution");
        assertThat(run.out()).containsPattern("(?m)^SENT\\s+120$").containsPattern("(?m)^SENT\\s+80$")
                .containsPattern("(?m)^SENT\\s+60$");
        assertThat(run.out()).containsPattern("report: .*campaign-demo-notify-\\d+\\.csv");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
