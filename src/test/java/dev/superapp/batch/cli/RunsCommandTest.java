package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunsCommandTest {

    private final String url = TestDatabase.H2.freshUrl();

    @Test
    void listsExecutionsNewestFirstWithTheirNodeWhatTheyWereForAndTheirCounts() throws Exception {
        long failed = JobRuns.runFlakyJob(url, "1", true);
        long completed = JobRuns.runFlakyJob(url, "2", false);

        CliRun run = CliRun.run("runs", "-Dspring.datasource.url=" + url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> table = run.outLines().stream().map(line -> List.of(line.split(" {2,}"))).toList();
        assertThat(table.get(0)).containsExactly("EXECUTION", "NODE", "JOB", "FOR", "STATUS", "START", "DURATION", "COUNTS");
        assertThat(table.get(1)).startsWith(String.valueOf(completed)).endsWith("5 items read, 5 written");
        assertThat(table.get(1).subList(2, 5)).containsExactly("flakyJob", "run 2", "COMPLETED");
        assertThat(table.get(1).get(1)).as("the node: this machine's scheduler instance id").isNotBlank().isNotEqualTo("-");
        assertThat(table.get(1).get(5)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(table.get(1).get(6)).matches("\\d+\\.\\ds");
        assertThat(table.get(2)).startsWith(String.valueOf(failed));
        assertThat(table.get(2).subList(2, 5)).containsExactly("flakyJob", "run 1", "FAILED");
        assertThat(table).hasSize(3);
    }

    @Test
    void showsOnlyAsManyExecutionsAsTheLimitAllows() throws Exception {
        JobRuns.runFlakyJob(url, "1", false);
        long newest = JobRuns.runFlakyJob(url, "2", false);

        CliRun run = CliRun.run("runs", "--limit", "1", "-Dspring.datasource.url=" + url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(1)).startsWith(newest + " ");
    }

    @Test
    void saysSoWhenThereAreNoExecutions() {
        CliRun run = CliRun.run("runs", "-Dspring.datasource.url=" + url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("no job executions yet\n");
    }

    @Test
    void refusesALimitBelowOne() {
        CliRun run = CliRun.run("runs", "--limit", "0", "-Dspring.datasource.url=" + url);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("--limit must be at least 1, was 0 (see 'superapp-batch runs --help')");
    }

    @Test
    void formatsDurationsForPeople() {
        LocalDateTime start = LocalDateTime.parse("2026-03-01T02:30:00");

        assertThat(RunsCommand.duration(start, start.plusNanos(400_000_000))).isEqualTo("0.4s");
        assertThat(RunsCommand.duration(start, start.plusSeconds(125))).isEqualTo("2m05s");
        assertThat(RunsCommand.duration(start, start.plusMinutes(62))).isEqualTo("1h02m");
        assertThat(RunsCommand.duration(start, null)).isEqualTo("-");
    }
}
