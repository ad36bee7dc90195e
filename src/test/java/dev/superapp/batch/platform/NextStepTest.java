package dev.superapp.batch.platform;

import static dev.superapp.batch.platform.CallKind.READ;
import static dev.superapp.batch.platform.CallKind.REPEATABLE_WRITE;
import static dev.superapp.batch.platform.CallKind.UNREPEATABLE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class NextStepTest {

    @Test
    void throttlingAndServerFaultsAreRetriedOnEveryKindOfCall() {
        for (CallKind kind : CallKind.values()) {
            assertThat(NextStep.afterAnswer(kind, UnusableAnswer.Kind.THROTTLED)).isEqualTo(NextStep.WAIT_THROTTLED);
            assertThat(NextStep.afterAnswer(kind, UnusableAnswer.Kind.SERVER_FAULT)).isEqualTo(NextStep.RETRY);
        }
    }

    @Test
    void anUnreadableAnswerIsRetriedOnlyOnReads() {
        assertThat(NextStep.afterAnswer(READ, UnusableAnswer.Kind.MALFORMED)).isEqualTo(NextStep.RETRY);
        assertThat(NextStep.afterAnswer(REPEATABLE_WRITE, UnusableAnswer.Kind.MALFORMED)).isEqualTo(NextStep.RETRY);
        assertThat(NextStep.afterAnswer(UNREPEATABLE_WRITE, UnusableAnswer.Kind.MALFORMED)).isEqualTo(NextStep.AMBIGUOUS);
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
