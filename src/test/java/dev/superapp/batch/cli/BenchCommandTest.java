package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code bench} runs end to end and prints its settings and figures. Tiny sizes and no latency: the figures
 * themselves are measured by hand (README, Performance), never asserted here.
 */
class BenchCommandTest {

    @Test
    void reconciliationPrintsItsSettingsBothRunsAndTheRatio() {
        CliRun run = CliRun.run("bench", "reconciliation", "--orders", "40", "--baseline-orders", "4", "--latency", "0ms");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("bench reconciliation: 40 orders (baseline 4)", " cores, load ")
                .containsPattern("baseline, max-in-flight 1: 4 orders in [0-9.]+ s = [0-9.]+ orders/s, CPU [0-9.]+ ms per order")
                .containsPattern("ours, max-in-flight 32: 40 orders in [0-9.]+ s = [0-9.]+ orders/s")
                .containsPattern("its steps: reconcileOrdersStep [0-9.]+ s, writeReportStep [0-9.]+ s")
                .containsPattern("ratio ours / baseline: [0-9.]+");
    }

    @Test
    void reconciliationRunsOnAFreshMariaDbSchemaWhenAskedTo() {
        CliRun run = CliRun.run("bench", "--database=mariadb", "reconciliation", "--orders", "40", "--baseline-orders", "4",
                "--latency", "0ms");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("database jdbc:mysql://127\\.0\\.0\\.1:3306/bench_\\d{14}_\\d{4}\\?")
                // The job repository keeps whole seconds on MariaDB: a tiny run can take "0.0 s".
                .containsPattern("ours, max-in-flight 32: 40 orders in [0-9.]+ s = ([0-9.]+|Infinity) orders/s");
    }

    @Test
    void campaignPushesInAChildJvmAndCountsWhatTheSandboxThrottled() {
        CliRun run = CliRun.run("bench", "campaign", "--recipients", "300", "--baseline-recipients", "100",
                "--latency", "0ms", "--capacity", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("job heap -Xmx256m")
                .containsPattern("baseline, max-in-flight 1: send step 2 requests in [0-9.]+ s")
                .contains("ours, max-in-flight 32: send step 6 requests in ", "the sandbox saw 6 requests, 0 throttled")
                .containsPattern("ratio ours / baseline: [0-9.]+");
    }

    @Test
    void stagingPrintsRowsPerSecondAndPeakHeapAtTwoSizes() {
        CliRun run = CliRun.run("bench", "staging", "--lines", "2000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("bench staging: 200 and 2000 lines")
                .containsPattern("200 lines: 200 rows in [0-9.]+ s = [0-9.]+ rows/s; peak heap after GC [0-9]+ MiB")
                .containsPattern("2000 lines: 2000 rows in [0-9.]+ s = [0-9.]+ rows/s; peak heap after GC [0-9]+ MiB");
    }
}
