package dev.superapp.batch.platform.cardform;

import static dev.superapp.batch.platform.cardform.CardFormFixture.SECRET;
import static dev.superapp.batch.platform.cardform.CardFormFixture.answer;
import static dev.superapp.batch.platform.cardform.CardFormFixture.code;
import static dev.superapp.batch.platform.cardform.CardFormFixture.content;
import static dev.superapp.batch.platform.cardform.CardFormFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.PlatformUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How answers are read: success lists, throttling and faults retried, refusals not, the secret nowhere. */
class CardFormClientAnswerTest {

    private static final List<String> RECIPIENTS = List.of("u-1", "u-2", "u-3");

    private final MockWebServer server = new MockWebServer();
    private final CardFormFixture.Waits waits = new CardFormFixture.Waits();
    private CardFormClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = CardFormFixture.client(server, waits);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void returnsWhichUniqueIdsSucceededAndWhichFailedWithTheAnswerAsEvidence() {
        MockResponse answer = success("[\"u-1\",\"u-3\"]", "[\"u-2\"]");
        server.enqueue(answer);

        CardFormSendResult result = client.sendCardForm("r-1", content(), RECIPIENTS);

        assertThat(result.successUniqueId()).containsExactly("u-1", "u-3");
        assertThat(result.errorUniqueId()).containsExactly("u-2");
        // The answer's sign has no scheme to check it by: it is kept, not judged.
        assertThat(result.rawAnswer()).contains("\"sign\":\"CDD73496515A7F9B66E620CB39470F56\"");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readsMissingListsAsEmpty() {
        server.enqueue(answer(200, "{\"code\":0,\"message\":null,\"data\":{\"successUniqueId\":[\"u-1\"]}}"));
        server.enqueue(answer(200, "{\"code\":\"0\"}"));

        assertThat(client.sendCardForm("r-1", content(), RECIPIENTS).errorUniqueId()).isEmpty();
        CardFormSendResult noData = client.sendCardForm("r-2", content(), RECIPIENTS);
        assertThat(noData.successUniqueId()).isEmpty();
        assertThat(noData.errorUniqueId()).isEmpty();
    }

    @Test
    void retriesThrottlingGivenAsTheNumberTwoThenSucceeds() {
        server.enqueue(code("2", "Request throttled"));
        server.enqueue(code("2", "Request throttled"));
        server.enqueue(success("[\"u-1\"]", "[]"));

        assertThat(client.sendCardForm("r-1", content(), RECIPIENTS).successUniqueId()).containsExactly("u-1");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retriesThrottlingGivenAsTheTextZeroZeroZeroZeroTwoHonouringRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Retry-After", "3")
                .body("{\"code\":\"00002\",\"message\":\"Request throttled\"}").build());
        server.enqueue(success("[\"u-1\"]", "[]"));

        assertThat(client.sendCardForm("r-1", content(), RECIPIENTS).successUniqueId()).containsExactly("u-1");
        assertThat(server.getRequestCount()).isEqualTo(2);
        // The pause is measured on the real clock from when the answer came, so a little of it has passed.
        assertThat(waits.all()).anySatisfy(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(3)));
    }

    @Test
    void resendsTheSameRequestIdAfterServerFaultsHttp429AndATimeout() throws InterruptedException {
        server.enqueue(answer(503, "Service Unavailable"));
        server.enqueue(answer(500, "{\"code\":500,\"message\":\"internal error\"}"));
        server.enqueue(new MockResponse.Builder().code(429).build());
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(success("[\"u-1\"]", "[]"));

        client.sendCardForm("r-1", content(), RECIPIENTS);

        assertThat(server.getRequestCount()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(server.takeRequest().getBody().utf8()).contains("\"requestId\":\"r-1\"");
        }
    }

    @Test
    void refusesWithTheCodeAndMessageOfABadSignatureWithoutRetrying() {
        server.enqueue(code("10005", "Signature exception"));
        server.enqueue(success("[\"u-1\"]", "[]"));

        assertThatThrownBy(() -> client.sendCardForm("r-1", content(), RECIPIENTS))
                .isInstanceOfSatisfying(PlatformRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(10005);
                    assertThat(e.getMessage())
                            .isEqualTo("CardForm sendCardForm refused with status 10005: Signature exception");
                    assertThat(e.rawAnswer()).contains("10005");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {10004, 10005, 10007, 20001, 20002, 20006, 20007, 20008, 20009, 30001})
    void refusesEveryCodeTheSeedListsWithoutRetryingAndWordsAMissingMessageAsTheSeedDoes(int code) {
        server.enqueue(answer(200, "{\"code\":" + code + ",\"message\":null,\"data\":null}"));

        assertThatThrownBy(() -> client.sendCardForm("r-1", content(), RECIPIENTS))
                .isInstanceOfSatisfying(PlatformRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(code);
                    assertThat(e.getMessage()).startsWith("CardForm sendCardForm refused with status " + code + ": ")
                            .doesNotEndWith(": null");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusesAnHttpClientErrorWithoutRetrying() {
        server.enqueue(answer(403, "forbidden"));

        assertThatThrownBy(() -> client.sendCardForm("r-1", content(), RECIPIENTS))
                .isInstanceOfSatisfying(PlatformRejectedException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesASendWhoseAnswerCannotBeUnderstoodThenGivesUpWithoutGuessing() {
        for (int attempt = 0; attempt < 5; attempt++) {
            server.enqueue(code("99999", "something new"));
        }

        assertThatThrownBy(() -> client.sendCardForm("r-1", content(), RECIPIENTS))
                .isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("code 99999, which seed 003 does not list: something new");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void resendsWithTheSameRequestIdWhenTheAnswerToASendIsMalformed() throws Exception {
        server.enqueue(answer(200, "{\"code\":0,\"data\":"));
        server.enqueue(answer(200, "{\"code\":0,\"data\":{\"successUniqueId\":[],\"errorUniqueId\":[]}}"));

        client.sendCardForm("r-1", content(), RECIPIENTS);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest().getBody().utf8()).contains("\"requestId\":\"r-1\"");
        assertThat(server.takeRequest().getBody().utf8()).contains("\"requestId\":\"r-1\"");
    }

    @Test
    void retriesAnUnreadableAnswerToAQuery() {
        server.enqueue(answer(200, "{\"code\":0,"));
        server.enqueue(answer(200, "{\"code\":0,\"data\":{\"text\":\"{}\"}}"));

        CardFormQueryResult result = client.getCardForm("q-1", new CardFormQuery("u-1", null, null));

        assertThat(result.data()).isEqualTo("{\"text\":\"{}\"}");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void givesUpAfterTheAttemptBudgetOfServerFaults() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(answer(502, "bad gateway " + i));
        }

        assertThatThrownBy(() -> client.sendCardForm("r-1", content(), RECIPIENTS))
                .isInstanceOfSatisfying(PlatformUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(5);
                    assertThat(e.rawAnswer()).isEqualTo("bad gateway 4");
                });
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void keepsTheSecretOutOfEveryExceptionMessage() {
        server.enqueue(code("10005", "Signature exception"));
        // One unknown answer per attempt of the budget, so the client gives up at once rather than waiting on silence.
        for (int attempt = 0; attempt < 5; attempt++) {
            server.enqueue(code("12345", "unknown"));
        }

        Throwable refused = catchFrom(() -> client.sendCardForm("r-1", content(), RECIPIENTS));
        Throwable unusable = catchFrom(() -> client.sendCardForm("r-1", content(), RECIPIENTS));

        for (Throwable failure = refused; failure != null; failure = failure.getCause()) {
            assertThat(String.valueOf(failure.getMessage())).doesNotContain(SECRET);
        }
        for (Throwable failure = unusable; failure != null; failure = failure.getCause()) {
            assertThat(String.valueOf(failure.getMessage())).doesNotContain(SECRET);
        }
        assertThat(refused).isInstanceOf(PlatformRejectedException.class);
        assertThat(unusable).isInstanceOf(PlatformUnavailableException.class);
    }

    private static Throwable catchFrom(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }
}
