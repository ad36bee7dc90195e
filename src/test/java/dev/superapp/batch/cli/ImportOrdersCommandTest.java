package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ImportOrdersCommandTest {

    private static final String HEADER = "out_trade_no,trade_no,open_id,amount,currency,status,created_at\n";

    @TempDir Path dir;

    private final String url = TestDatabase.H2.freshUrl();
    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));

    @Test
    void importsOrdersAndCountsNewAndUpdatedOnes() throws IOException {
        CliRun first = importOrders(write("first.csv", HEADER
                + "A-1,,o-1,100,SAR,,2026-03-01T09:00:00+03:00\n"
                + "A-2,T-2,o-2,200,SAR,PAID,2026-03-01T09:00:00+03:00\n"));
        CliRun second = importOrders(write("second.csv", HEADER
                + "A-2,T-2,o-2,200,SAR,PAID,2026-03-01T09:00:00+03:00\n"
                + "A-3,T-3,o-3,300,SAR,PENDING,2026-03-01T09:00:00+03:00\n"
                + "A-1,T-1,o-1,100,SAR,PENDING,2026-03-01T09:00:00+03:00\n"));

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo("imported 2 orders (2 new, 0 updated)\n");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEqualTo("imported 3 orders (1 new, 2 updated)\n");
        assertThat(amounts()).containsExactly(100L, 200L, 300L);
    }

    @Test
    void reportsAMissingFileOnOneLineWithExitCode2() {
        Path missing = dir.resolve("missing.csv");

        CliRun run = importOrders(missing);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(missing + ": no such file");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsABadHeaderOnOneLineWithExitCode2() throws IOException {
        Path file = write("orders.csv", "out_trade_no,trade_no,open_id,amount,currency,state,created_at\n");

        CliRun run = importOrders(file);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith(file + " line 1: missing column status");
    }

    @Test
    void importsNothingFromAFileWithOneBadRow() throws IOException {
        importOrders(write("good.csv", HEADER + "A-1,T-1,o-1,100,SAR,PENDING,2026-03-01T09:00:00+03:00\n"));
        Path bad = write("bad.csv", HEADER
                + "A-1,T-1,o-1,999,SAR,PENDING,2026-03-01T09:00:00+03:00\n"
                + "A-2,T-2,o-2,12.50,SAR,PENDING,2026-03-01T09:00:00+03:00\n");

        CliRun run = importOrders(bad);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(bad + " line 3, column amount: \"12.50\" is not a whole number of cents");
        assertThat(amounts()).containsExactly(100L);
    }

    @Test
    void refusesChangesToSettledOrdersUnlessForcedAndSaysWhatWasForced() throws IOException {
        importOrders(write("first.csv", HEADER + "A-1,T-1,o-1,100,SAR,PAID,2026-03-01T09:00:00+03:00\n"));
        Path change = write("change.csv", HEADER + "A-1,T-1,o-1,100,SAR,PENDING,2026-03-01T09:00:00+03:00\n");

        CliRun refused = importOrders(change);
        CliRun forced = CliRun.run("import-orders", change.toString(), "--force", "-Dspring.datasource.url=" + url);

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.errLines()).containsExactly(change + " line 2: order A-1 is already PAID; the file would change "
                + "status=PAID to status=PENDING (a settled order changes only with --force, and the change is recorded)");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).isEqualTo("imported 1 orders (0 new, 1 updated)\n"
                + "forced 1 change(s) to settled orders; recorded in order_audit\n");
        assertThat(jdbc.sql("SELECT actor FROM order_audit").query(String.class).single())
                .isEqualTo("os:" + System.getProperty("user.name"));
    }

    @Test
    void listsEveryBadRowOfTheFileAndImportsNothing() throws IOException {
        Path bad = write("bad.csv", HEADER
                + "A-1,T-1,o-1,1.5,SAR,PENDING,2026-03-01T09:00:00+03:00\n"
                + "A-2,T-2,o-2,100,SAR,PENDING,2026-03-01T09:00:00+03:00\n"
                + "A-3,T-3,o-3,100,SAR,SHIPPED,2026-03-01T09:00:00+03:00\n");

        CliRun run = importOrders(bad);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                bad + " line 2, column amount: \"1.5\" is not a whole number of cents",
                bad + " line 4, column status: \"SHIPPED\" is not one of PENDING, PAID, FAILED, EXPIRED, CANCELED, CLOSED, "
                        + "REVIEW, REFUND_NEEDED",
                bad + ": 2 bad rows; nothing was imported");
        assertThat(run.out()).as("checked before the database is opened").isEmpty();
    }

    @Test
    void reportsAnUnreachableDatabaseWithExitCode2() throws IOException {
        CliRun run = CliRun.run("import-orders", write("orders.csv", HEADER).toString(),
                "-Dspring.datasource.url=jdbc:mysql://127.0.0.1:1/nope");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("cannot reach the database at jdbc:mysql://127.0.0.1:1/nope: ");
    }

    private CliRun importOrders(Path file) {
        return CliRun.run("import-orders", file.toString(), "-Dspring.datasource.url=" + url);
    }

    private List<Long> amounts() {
        return jdbc.sql("SELECT amount FROM payment_order ORDER BY out_trade_no").query(Long.class).list();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
