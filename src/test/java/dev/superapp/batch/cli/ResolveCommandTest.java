package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code resolve} as finance types it: one clear line and exit 2 when it cannot be done. */
class ResolveCommandTest {

    private static final String HEADER = "out_trade_no,trade_no,open_id,amount,currency,status,created_at\n";

    @TempDir Path dir;

    private final String url = TestDatabase.H2.freshUrl();
    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));

    @Test
    void resolvesAnOpenOrderAndRecordsWhoDidItAndWhy() throws IOException {
        importOrders(HEADER + "R-1,,o-1,100,SAR,REVIEW,2026-03-01T09:00:00+03:00\n");

        CliRun run = resolve("R-1", "--as=FAILED", "--reason=customer cancelled at the till");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("R-1 marked failed: REVIEW -> FAILED\n");
        assertThat(jdbc.sql("SELECT status FROM payment_order").query(String.class).single()).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT actor, reason, platform_answer FROM order_audit").query().singleRow())
                .containsEntry("ACTOR", "os:" + System.getProperty("user.name"))
                .containsEntry("REASON", "customer cancelled at the till")
                .containsEntry("PLATFORM_ANSWER", "(not asked: the order has no trade number)");
    }

    @Test
    void refusesWithoutAReasonOrForAnOrderThatIsNotOpenWithExitCode2() throws IOException {
        importOrders(HEADER + "P-1,T-1,o-1,100,SAR,PAID,2026-03-01T09:00:00+03:00\n");

        CliRun noReason = resolve("P-1", "--as=FAILED");
        CliRun emptyReason = resolve("P-1", "--as=FAILED", "--reason= ");
        CliRun notOpen = resolve("P-1", "--as=REFUND_NEEDED", "--reason=paid twice");
        CliRun badAction = resolve("P-1", "--as=LOST", "--reason=x");

        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.errLines()).singleElement().asString().startsWith("Missing required option: '--reason=TEXT'");
        assertThat(emptyReason.exitCode()).isEqualTo(2);
        assertThat(emptyReason.errLines()).containsExactly("--reason must say why P-1 is resolved; it is empty");
        assertThat(notOpen.exitCode()).isEqualTo(2);
        assertThat(notOpen.errLines()).singleElement().asString().startsWith("order P-1 is PAID and not open");
        assertThat(badAction.exitCode()).isEqualTo(2);
        assertThat(badAction.errLines()).singleElement().asString().contains("PAID, FAILED, REFUND_NEEDED, RECHECK");
        assertThat(jdbc.sql("SELECT status FROM payment_order").query(String.class).single()).isEqualTo("PAID");
    }

    private void importOrders(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("orders.csv"), content, StandardCharsets.UTF_8);
        assertThat(CliRun.run("import-orders", file.toString(), "-Dspring.datasource.url=" + url).exitCode()).isZero();
    }

    private CliRun resolve(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "resolve";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "-Dspring.datasource.url=" + url;
        return CliRun.run(all);
    }
}
