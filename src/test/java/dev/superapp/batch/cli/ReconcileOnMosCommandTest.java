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

/** {@code reconcile} with {@code reconciliation.platform=mos}, as a person runs it. */
class ReconcileOnMosCommandTest {

    @TempDir
    Path dir;

    @Test
    void reconcileOnMosWithoutItsCredentialsSaysWhichSettingIsMissingAndExits2() {
        CliRun run = CliRun.run("reconcile", "-Dreconciliation.platform=mos",
                "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl(), "-Dreports.dir=" + dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("mos.base-url is not set (MOS_BASE_URL)");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void reconcileOnAnUnknownPlatformNamesTheKnownOnesAndExits2() {
        CliRun run = CliRun.run("reconcile", "-Dreconciliation.platform=paypal",
                "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl(), "-Dreports.dir=" + dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("reconciliation.platform must be one of mos, superapp; it is 'paypal' (RECONCILIATION_PLATFORM)");
    }

    @Test
    void reconcileOnMosAsksByOutTradeNoAndPrintsTheReport() throws Exception {
        Path orders = dir.resolve("orders.csv");
        Files.writeString(orders, """
                out_trade_no,trade_no,open_id,amount,currency,status,created_at
                MOS-CLI-1,,open-mos,1234,USD,PENDING,2026-11-01T10:00:00+03:00
                """);
        TestSandbox.platform().addTrade(SandboxTrade.scripted("mos-cli-pp-1", "MOS-CLI-1", "open-mos", 1234, "USD",
                CloseBehaviour.CLOSES, 2));
        String[] common = {"-Dspring.datasource.url=" + TestDatabase.H2.freshUrl(), "-Dreports.dir=" + dir,
                "-Dreconciliation.platform=mos", "-Dmos.base-url=" + TestSandbox.server().baseUrl(),
                "-Dmos.app-key=" + TestSandbox.APP_ID, "-Dmos.app-secret=" + TestSandbox.SECRET};
        CliRun imported = CliRun.run(concat(new String[] {"import-orders", orders.toString()}, common));
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        CliRun run = CliRun.run(concat(new String[] {"reconcile", "--business-date=2026-11-02"}, common));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("MATCHED\\s+USD\\s+1\\s+1234\\s+1234");
        Matcher report = Pattern.compile("report: (.*reconciliation-2026-11-02-\\d+\\.csv)").matcher(run.out());
        assertThat(report.find()).isTrue();
        assertThat(Files.readString(Path.of(report.group(1)))).contains("MOS-CLI-1,,open-mos,MATCHED,MARK_PAID,PAID");
        assertThat(run.out() + run.err()).doesNotContain(TestSandbox.SECRET);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
