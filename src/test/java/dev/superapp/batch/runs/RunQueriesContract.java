package dev.superapp.batch.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.superapp.batch.console.RunScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * The console's queries over the Batch tables and the jobs' own tables, on each database: the run history
 * with paging, and the progress of campaigns and reconciliations, also while one is running.
 */
@SpringBootTest(properties = {"reconciliation.chunk-size=5", "reconciliation.poll-interval=150ms"})
abstract class RunQueriesContract {

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired RunHistory history;
    @Autowired RunProgressService progress;
    @Autowired ReconciliationLauncher reconciliations;
    @Autowired CampaignLauncher campaigns;
    @Autowired RecipientStore campaignStore;
    @Autowired JdbcClient jdbc;

    RealRuns runs;

    @BeforeEach
    void realRuns() {
        runs = new RealRuns(reconciliations, campaigns, jdbc);
        runs.emptyOrderBook();
    }

    @Test
    void historyPagesNewestFirstByExecutionIdAndFindsOneById() {
        ReconciliationRun first = runs.reconcile(2, 0);
        ReconciliationRun second = runs.reconcile();
        ReconciliationRun third = runs.reconcile();

        assertThat(history.recent(2)).extracting(Run::executionId).containsExactly(third.executionId(), second.executionId());
        assertThat(history.before(third.executionId(), 2)).extracting(Run::executionId)
                .containsExactly(second.executionId(), first.executionId());
        Run found = history.find(first.executionId()).orElseThrow();
        assertThat(found.jobName()).isEqualTo("reconciliationJob");
        assertThat(found.status()).isEqualTo("COMPLETED");
        assertThat(found.readCount()).isEqualTo(2);
        assertThat(found.writeCount()).isEqualTo(2);
        assertThat(found.subject()).isEqualTo("business date " + RealRuns.BUSINESS_DATE);
        assertThat(found.counts()).isEqualTo("2 orders reconciled");
        assertThat(found.identifyingParameters()).containsKeys("businessDate", "run.id");
        assertThat(found.running()).isFalse();
        assertThat(history.find(third.executionId() + 1000)).isEmpty();
    }

    @Test
    void eachRoleIsGivenThePagesOfItsOwnJobsOnly() {
        ReconciliationRun reconciliation = runs.reconcile(1, 0);
        PushRun campaign = runs.push(dir, "scoped", 3);
        ReconciliationRun newest = runs.reconcile();

        assertThat(history.before(Long.MAX_VALUE, 2, scope("MARKETING"))).extracting(Run::jobName)
                .isSubsetOf("campaignJob", "campaignStagingJob").contains("campaignJob");
        assertThat(history.before(Long.MAX_VALUE, 2, scope("FINANCE"))).extracting(Run::executionId)
                .containsExactly(newest.executionId(), reconciliation.executionId());
        assertThat(history.before(newest.executionId() + 1, 3, scope("ADMIN"))).extracting(Run::executionId)
                .containsExactly(newest.executionId(), campaign.executionId(), reconciliation.executionId());
    }

    private static RunScope scope(String role) {
        return RunScope.of(new TestingAuthenticationToken("someone", "", "ROLE_" + role));
    }

    @Test
    void campaignProgressCountsRecipientsWithAnOutcomeOutOfThoseToSend() {
        PushRun run = runs.push(dir, "progress", 75);
        Map<RecipientState, Long> counts = campaignStore.countByState(run.campaignId());

        RunProgress answer = progress.progress(run.executionId()).orElseThrow();

        assertThat(answer.job()).isEqualTo("campaignJob");
        assertThat(answer.running()).isFalse();
        assertThat(answer.total()).isEqualTo(75).isEqualTo(counts.get(RecipientState.SENT));
        assertThat(answer.done()).isEqualTo(75);
        assertThat(answer.percent()).isEqualTo(100);
        assertThat(answer.errors()).isZero();
        assertThat(answer.rateLimit()).as("the platform limiter's rate, as the send step left it").isPositive();
        assertThat(history.find(run.executionId()).orElseThrow().subject()).isEqualTo("campaign " + run.campaignId());
    }

    @Test
    void reconciliationProgressMovesWhileItRunsAndNeverCountsAnOrderTwice() throws Exception {
        // Still processing on every ask: each chunk of five polls its orders for 300 ms and leaves them PENDING.
        runs.addOrders("slow", 20, 1);
        long before = history.recent(1).stream().mapToLong(Run::executionId).findFirst().orElse(0);

        CompletableFuture<ReconciliationRun> running = CompletableFuture.supplyAsync(runs::reconcile);
        List<RunProgress> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(40)).until(() -> {
            history.recent(1).stream().filter(run -> run.executionId() > before && run.running()).findFirst()
                    .flatMap(run -> progress.progress(run.executionId())).ifPresent(seen::add);
            return running.isDone();
        });
        ReconciliationRun run = running.get(30, TimeUnit.SECONDS);

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(seen).as("never more done than there is, nor counted twice").isNotEmpty()
                .allSatisfy(p -> assertThat(p.done()).isBetween(0L, 20L).isLessThanOrEqualTo(p.total()));
        assertThat(seen).as("a chunk committed, the rest still to read")
                .anySatisfy(p -> {
                    assertThat(p.running()).isTrue();
                    assertThat(p.done()).isBetween(1L, 19L);
                    assertThat(p.total()).isEqualTo(20);
                    assertThat(p.percent()).isEqualTo((int) (p.done() * 100 / 20));
                });
        RunProgress finished = progress.progress(run.executionId()).orElseThrow();
        assertThat(finished.running()).isFalse();
        assertThat(finished.done()).isEqualTo(20);
        assertThat(finished.total()).isEqualTo(20);
        assertThat(finished.errors()).isZero();
        assertThat(finished.ratePerSecond()).isPositive();
        assertThat(finished.rateLimit()).as("only campaigns show a limiter").isNull();
    }

    @Test
    void reconciliationErrorsAreItsOrdersWithoutATrustworthyAnswer() {
        ReconciliationRun run = runs.reconcile(3, 2);

        RunProgress answer = progress.progress(run.executionId()).orElseThrow();

        assertThat(answer.done()).isEqualTo(5);
        assertThat(answer.errors()).isEqualTo(2).isEqualTo(jdbc.sql(
                        "SELECT COUNT(*) FROM reconciliation_result WHERE job_execution_id = ? AND outcome = 'ERROR'")
                .param(run.executionId()).query(Long.class).single());
    }

    @Test
    void unknownExecutionHasNoProgress() {
        assertThat(progress.progress(987_654)).isEmpty();
    }
}
