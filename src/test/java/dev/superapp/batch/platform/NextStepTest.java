package dev.superapp.batch.platform;

import static dev.superapp.batch.platform.CallKind.READ;
import static dev.superapp.batch.platform.CallKind.REPEATABLE_WRITE;
import static dev.superapp.batch.platform.CallKind.UNREPEATABLE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextStepTest {

    @Test
    void throttlingIsWaitedOutOnEveryKindOfCall() {
        for (CallKind kind : CallKind.values()) {
            assertThat(NextStep.afterAnswer(kind, UnusableAnswer.Kind.THROTTLED)).isEqualTo(NextStep.WAIT_THROTTLED);
        }
    }

    @Test
    void aServerFaultOrAnUnreadableAnswerIsRetriedOnlyWhenARepeatIsSafe() {
        for (UnusableAnswer.Kind answer : List.of(UnusableAnswer.Kind.SERVER_FAULT, UnusableAnswer.Kind.MALFORMED)) {
            assertThat(NextStep.afterAnswer(READ, answer)).isEqualTo(NextStep.RETRY);
            assertThat(NextStep.afterAnswer(REPEATABLE_WRITE, answer)).isEqualTo(NextStep.RETRY);
            assertThat(NextStep.afterAnswer(UNREPEATABLE_WRITE, answer)).isEqualTo(NextStep.AMBIGUOUS);
        }
    }

    @Test
    void aTimeoutIsAmbiguousOnlyForAnUnrepeatableWrite() {
        SocketTimeoutException timeout = new SocketTimeoutException("timeout");

        assertThat(NextStep.afterNoAnswer(READ, timeout)).isEqualTo(NextStep.RETRY);
        assertThat(NextStep.afterNoAnswer(REPEATABLE_WRITE, timeout)).isEqualTo(NextStep.RETRY);
        assertThat(NextStep.afterNoAnswer(UNREPEATABLE_WRITE, timeout)).isEqualTo(NextStep.AMBIGUOUS);
    }

    @Test
    void aFailureToConnectIsRetriedEvenForAnUnrepeatableWrite() {
        assertThat(NextStep.afterNoAnswer(UNREPEATABLE_WRITE, new ConnectException("refused"))).isEqualTo(NextStep.RETRY);
        assertThat(NextStep.afterNoAnswer(UNREPEATABLE_WRITE, new UnknownHostException("nowhere"))).isEqualTo(NextStep.RETRY);
    }
}
