package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureLineTest {

    @Test
    void keepsTheFirstLineOfAStackTraceWithoutTheExceptionsClassName() {
        String description = """
                java.io.UncheckedIOException: cannot write report /r/x-summary.csv: No space left on device
                \tat dev.superapp.batch.report.PartialFile.failure(PartialFile.java:89)
                Caused by: java.io.IOException: No space left on device
                \t... 139 more""";

        assertThat(FailureLine.of(description)).isEqualTo("cannot write report /r/x-summary.csv: No space left on device");
    }

    @Test
    void leavesAPlainReasonAsItIs() {
        assertThat(FailureLine.of("no recipient was sent: 12 rejected")).isEqualTo("no recipient was sent: 12 rejected");
    }

    @Test
    void saysSoWhenNoReasonWasRecorded() {
        assertThat(FailureLine.of("")).isEqualTo("no reason was recorded");
        assertThat(FailureLine.of(null)).isEqualTo("no reason was recorded");
    }
}
