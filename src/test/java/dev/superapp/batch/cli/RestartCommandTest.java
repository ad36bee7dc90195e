package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class RestartCommandTest {

    private final String url = TestDatabase.H2.freshUrl();

    @Test
    void restartsAFailedExecutionAndExitsZeroWhenItCompletes() throws Exception {
        long failed = JobRuns.runFlakyJob(url, "1", true);

        CliRun run = restart(failed);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("job execution " + failed + " (flakyJob) restarted as execution " + (failed + 1) + ": COMPLETED\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void exitsOneWhenTheRestartFailsAgain() throws Exception {
        long failed = JobRuns.runFlakyJob(url, "1", true);

        CliRun run = restart(failed, "-Dflaky-job.fail=true");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).endsWith(": FAILED\n");
    }

    @Test
    void refusesACompletedExecution() throws Exception {
        long completed = JobRuns.runFlakyJob(url, "1", false);

        CliRun run = restart(completed);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("job execution " + completed
                + " (flakyJob) is COMPLETED; only FAILED or STOPPED executions can be restarted");
    }

    @Test
    void refusesAnUnknownExecution() {
        CliRun run = restart(999);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("no job execution with id 999 (see 'runs')");
    }

    @Test
    void refusesAnExecutionThatWasAlreadyRestarted() throws Exception {
        long failed = JobRuns.runFlakyJob(url, "1", true);
        restart(failed, "-Dflaky-job.fail=true");

        CliRun run = restart(failed);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("job execution " + failed + " (flakyJob) was already restarted as execution "
                + (failed + 1) + " (FAILED)");
    }

    @Test
    void refusesAnExecutionOfAJobThisVersionDoesNotHave() throws Exception {
        long failed = JobRuns.runFlakyJob(url, "1", true);

        CliRun run = CliRun.run("restart", String.valueOf(failed), "-Dspring.datasource.url=" + url);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("job execution " + failed
                + " (flakyJob) cannot be restarted: this version has no job named flakyJob");
    }

    private CliRun restart(long executionId, String... extra) {
        String[] args = new String[2 + extra.length + 1];
        args[0] = "restart";
        args[1] = String.valueOf(executionId);
        args[2] = "-Dspring.datasource.url=" + url;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.run(FlakyJobConfiguration.STARTER, args);
    }
}
