package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.Fault;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.sandbox.SandboxTrade;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reconciliation's pipeline against a platform that answers slowly: the next chunk's orders are asked
 * about while a chunk is written (the test holds the write by locking one of its rows), never more than
 * {@code platform.max-in-flight} requests at once,
 * chunks commit in order, and a failed run's restart asks again only what the failed chunk and the look-ahead
 * (at most one chunk) had asked, with nothing closed ahead of the chunk that owns the order.
 */
// A configured rate is where the limiter starts, so only max-in-flight bounds the requests in flight here.
@SpringBootTest(properties = {"platform.max-in-flight=4", "platform.rate-limit=1000", "reconciliation.chunk-size=8",
        "reconciliation.poll-attempts=2", "reconciliation.poll-interval=300ms", "platform.read-timeout=2s"})
abstract class ReconciliationPipelineContract {

    static final int CHUNK = 8;
    static final int MAX_IN_FLIGHT = 4;

    @Autowired ReconciliationLauncher launcher;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired JobOperator jobOperator;
    @Autowired JobRepository jobRepository;

    final String prefix = "P" + UUID.randomUUID().toString().substring(0, 8) + "-";

    /** A platform answering after 40 ms, for one test class; an injected timeout hangs just past the read timeout. */
    static SandboxServer slowPlatform(String appId, String secret) {
        return SandboxServer.start(SandboxSettings.defaults(appId, secret).withLatency(Duration.ofMillis(40))
                .withTimeoutHang(Duration.ofMillis(2500)));
    }

    abstract SandboxPlatform sandbox();

    abstract ResultFault resultFault();

    @BeforeEach
    void startFromAnEmptyBook() {
        jdbc.sql("DELETE FROM reconciliation_result").update();
        jdbc.sql("DELETE FROM payment_order").update();
        // A request the client gave up on (an injected timeout) stays on the sandbox's count until its hang ends.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sandbox().resetPeak();
            return sandbox().peakConcurrentRequests() == 0;
        });
    }

    @Test
    void asksAboutTheNextChunkWhileAChunkIsWrittenAndCommitsChunksInOrder() throws Exception {
        List<String> names = names(24);
        for (String name : names) {
            trade(name, 2);
            order(name, Duration.ofMinutes(1));
        }

        ReconciliationRun run;
        try (Connection lock = dataSource.getConnection()) {
            // Holds chunk 1's write (it locks its orders' rows): the next chunk is asked about meanwhile.
            lockOrder(lock, "r01");
            CompletableFuture<ReconciliationRun> running = CompletableFuture.supplyAsync(
                    () -> launcher.run(LocalDate.of(2026, 12, 2), Map.of()));
            await().atMost(Duration.ofSeconds(30)).until(() -> reads(names.subList(CHUNK, 2 * CHUNK)).stream()
                    .allMatch(reads -> reads == 1));
            assertThat(statusOf("r02")).as("chunk 1 is not committed yet").isEqualTo("PENDING");
            assertThat(reads(names.subList(2 * CHUNK, 3 * CHUNK))).as("the look-ahead stops one chunk ahead")
                    .containsOnly(0);
            lock.rollback();
            run = running.get(60, TimeUnit.SECONDS);
        }

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.summary().count(Outcome.MATCHED)).isEqualTo(24);
        assertThat(jdbc.sql("SELECT out_trade_no FROM reconciliation_result ORDER BY id").query(String.class).list())
                .as("results written chunk after chunk, in the orders' order")
                .containsExactlyElementsOf(names.stream().map(name -> prefix + name).toList());
        assertThat(sandbox().peakConcurrentRequests()).as("in flight at once").isEqualTo(MAX_IN_FLIGHT);
    }

    @Test
    void restartAsksAgainOnlyWhatTheFailedChunkAndTheLookAheadHadAskedAndNothingWasClosedAhead() throws Exception {
        List<String> names = names(32);
        // r10 (chunk 2) and r20 (chunk 3) are stale and still processing: each is to be closed.
        String stale = "r20";
        for (String name : names) {
            trade(name, name.equals("r10") || name.equals(stale) ? 1 : 2);
            order(name, Duration.ofHours(2));
        }
        resultFault().install(jdbc);
        ResultFault.mark(jdbc, prefix + "r12");
        // Chunk 2's close of r10 hangs until the read timeout, while the look-ahead asks about chunk 3.
        sandbox().failNext(OpenApiPaths.TRADE_CLOSE, 1, Fault.TIMEOUT);

        ReconciliationRun failed = launcher.run(LocalDate.of(2026, 12, 2), Map.of());

        assertThat(sandbox().detailReads(prefix + stale)).as("the look-ahead asked about r20 while chunk 2 was held")
                .isEqualTo(2);
        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(sandbox().closeCalls(prefix + stale)).as("closed only by the chunk that owns it").isZero();
        List<Integer> readsBefore = reads(names);
        assertThat(readsBefore.subList(24, 32)).as("the look-ahead goes at most one chunk beyond the step").containsOnly(0);
        ResultFault.clear(jdbc);

        JobExecution restarted = jobOperator.restart(jobRepository.getJobExecution(failed.executionId()));
        ReconciliationRun run = launcher.describe(restarted);

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        List<Integer> readsAfter = reads(names);
        List<Integer> askedByRestart = IntStream.range(0, 32).map(i -> readsAfter.get(i) - readsBefore.get(i)).boxed().toList();
        assertThat(askedByRestart.subList(0, 8)).as("the committed chunk is not asked again").containsOnly(0);
        assertThat(askedByRestart.subList(8, 32)).as("everything after the last commit is asked by the restart")
                .allSatisfy(reads -> assertThat(reads).isPositive());
        assertThat(IntStream.range(0, 32).filter(i -> readsBefore.get(i) > 0 && askedByRestart.get(i) > 0))
                .as("asked in both runs: the failed chunk and the look-ahead only")
                .allSatisfy(i -> assertThat(i).isBetween(CHUNK, 3 * CHUNK - 1));
        assertThat(sandbox().closeCalls(prefix + stale)).isEqualTo(1);
        assertThat(statusOf(stale)).isEqualTo("CLOSED");
        assertThat(statusOf("r10")).as("closed by the failed run, found closed by the restart").isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_order WHERE status = 'PAID'").query(Integer.class).single())
                .isEqualTo(30);
    }

    private List<String> names(int count) {
        return IntStream.rangeClosed(1, count).mapToObj("r%02d"::formatted).toList();
    }

    private List<Integer> reads(List<String> names) {
        return names.stream().map(name -> sandbox().detailReads(prefix + name)).toList();
    }

    private void trade(String name, int status) {
        sandbox().addTrade(SandboxTrade.scripted(prefix + name, prefix + name, "open-p", 700, "USD",
                CloseBehaviour.CLOSES, status));
    }

    private void order(String name, Duration age) {
        LocalDateTime createdAt = LocalDateTime.ofInstant(Instant.now().minus(age), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO payment_order (out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at)
                        VALUES (?, ?, 'open-p', 700, 'USD', 'PENDING', ?, ?)""")
                .params(prefix + name, prefix + name, createdAt, createdAt).update();
    }

    private String statusOf(String name) {
        return jdbc.sql("SELECT status FROM payment_order WHERE out_trade_no = ?").param(prefix + name)
                .query(String.class).single();
    }

    /** Locks one order's row by its key (locking by another column would lock every row scanned on MariaDB). */
    private void lockOrder(Connection connection, String name) throws Exception {
        long id = jdbc.sql("SELECT id FROM payment_order WHERE out_trade_no = ?").param(prefix + name)
                .query(Long.class).single();
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM payment_order WHERE id = ? FOR UPDATE")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
        }
    }
}
