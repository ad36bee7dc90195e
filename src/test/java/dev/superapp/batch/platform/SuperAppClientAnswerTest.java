package dev.superapp.batch.platform;

import static dev.superapp.batch.platform.SuperAppFixture.SECRET;
import static dev.superapp.batch.platform.SuperAppFixture.answer;
import static dev.superapp.batch.platform.SuperAppFixture.detailJson;
import static dev.superapp.batch.platform.SuperAppFixture.notification;
import static dev.superapp.batch.platform.SuperAppFixture.ok;
import static dev.superapp.batch.platform.SuperAppFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How answers are read: only HTTP 200 with status 200 and the promised fields is a success. */
class SuperAppClientAnswerTest {

    private static final String HEADER_OK = "{\"responseHeader\":{\"status\":200,\"msg\":\"OK\"},\"response\":";

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private SuperAppClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = SuperAppFixture.client(server, time,
                new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60)), 16);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsATradeDetailAndKeepsTheRawAnswer() {
        String body = HEADER_OK + detailJson("T-1001", 2) + "}";
        server.enqueue(answer(200, body));

        TradeDetail detail = client.tradeDetail("T-1001");

        assertThat(detail).isEqualTo(new TradeDetail("T-1001", "order-42", 1999, "SAR",
                "358a2136a94a67b23631c67dfe386230", TradeDetail.SUCCEEDED, body));
    }

    @Test
    void reportsAnUnknownTradeAsNotFoundWithoutRetrying() {
        server.enqueue(status(404, "trade not found"));

        assertThatThrownBy(() -> client.tradeDetail("T-404"))
                .isInstanceOfSatisfying(TradeNotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("trade not found");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(answer(401, "Unauthorized"), 401),
                Arguments.of(answer(400, "Bad Request"), 400),
                Arguments.of(answer(404, "<html>no such path</html>"), 404),
                Arguments.of(status(401, "sign error"), 401),
                Arguments.of(status(400, "tradeNo is required"), 400));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void neverRetriesARefusal(MockResponse refusal, int expectedStatus) {
        server.enqueue(refusal);
        server.enqueue(ok(detailJson("T-1001", 2)));

        assertThatThrownBy(() -> client.tradeDetail("T-1001"))
                .isExactlyInstanceOf(PlatformRejectedException.class)
                .satisfies(e -> assertThat(((PlatformRejectedException) e).status()).isEqualTo(expectedStatus));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    static Stream<String> malformedDetails() {
        String detail = detailJson("T-1001", 2);
        return Stream.of(
                "<html>gateway</html>",
                "",
                HEADER_OK + detail + "} trailing",
                HEADER_OK + detail.replace("\"amount\":1999", "\"amount\":1999,\"amount\":1") + "}",
                "{\"responseHeader\":{\"status\":\"200\"},\"response\":" + detail + "}",
                "{\"response\":" + detail + "}",
                HEADER_OK + "null}",
                HEADER_OK + "[" + detail + "]}",
                HEADER_OK + detail.replace("\"amount\":1999", "\"amount\":\"1999\"") + "}",
                HEADER_OK + detail.replace("\"amount\":1999", "\"amount\":19.99") + "}",
                HEADER_OK + detail.replace("\"amount\":1999", "\"amount\":1999.0") + "}",
                HEADER_OK + detail.replace("\"amount\":1999", "\"amount\":-1999") + "}",
                HEADER_OK + detail.replace("\"currency\":\"SAR\",", "") + "}",
                HEADER_OK + detail.replace("\"openId\":\"358a2136a94a67b23631c67dfe386230\"", "\"openId\":null") + "}",
                HEADER_OK + detailJson("T-1001", 0) + "}",
                HEADER_OK + detailJson("T-1001", 7) + "}",
                HEADER_OK + detail.replace("\"transactionStatus\":2", "\"transactionStatus\":\"2\"") + "}",
                HEADER_OK + detailJson("T-9999", 2) + "}");
    }

    @ParameterizedTest
    @MethodSource("malformedDetails")
    void neverMakesATradeDetailFromAMalformedAnswer(String body) {
        server.enqueue(answer(200, body));
        server.enqueue(answer(200, body));

        assertThatThrownBy(() -> client.tradeDetail("T-1001"))
                .isInstanceOfSatisfying(PlatformUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.rawAnswer()).isEqualTo(body);
                });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesAReadWhoseAnswerDoesNotParse() {
        server.enqueue(answer(200, "<html>502 from a proxy</html>"));
        server.enqueue(ok(detailJson("T-1001", 1)));

        assertThat(client.tradeDetail("T-1001").processing()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void reportsATradeThatCouldNotBeClosed() {
        server.enqueue(ok("false"));

        CloseAnswer answer = client.tradeClose("T-1001");

        assertThat(answer.closed()).isFalse();
        assertThat(answer.rawAnswer()).contains("\"response\":false");
    }

    @Test
    void retriesACloseWhoseAnswerDoesNotParseSinceClosingAgainIsSafe() {
        server.enqueue(ok("\"yes\""));
        server.enqueue(ok("true"));

        assertThat(client.tradeClose("T-1001").closed()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void rejectsAPushThePlatformAnsweredFalse() {
        server.enqueue(ok("false"));

        assertThatThrownBy(() -> client.sendActivity(activity(), List.of("o-1")))
                .isInstanceOfSatisfying(PlatformRejectedException.class,
                        e -> assertThat(e.rawAnswer()).contains("\"response\":false"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void reportsANotificationWithAnUnreadableAnswerAsAmbiguous() {
        server.enqueue(answer(200, "<html>oops</html>"));
        server.enqueue(ok("true"));

        assertThatThrownBy(() -> client.sendNotify(notification(), List.of("o-1")))
                .isInstanceOfSatisfying(AmbiguousOutcomeException.class,
                        e -> assertThat(e.rawAnswer()).isEqualTo("<html>oops</html>"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void keepsTheSecretOutOfEveryExceptionMessage() {
        server.enqueue(status(401, "sign error"));
        server.enqueue(status(404, "trade not found"));
        server.enqueue(answer(503, "busy"));
        server.enqueue(answer(503, "busy"));
        server.enqueue(answer(200, "garbage"));

        List<Throwable> failures = List.of(
                catchThrowable(() -> client.tradeDetail("T-1")),
                catchThrowable(() -> client.tradeDetail("T-2")),
                catchThrowable(() -> client.tradeClose("T-3")),
                catchThrowable(() -> client.sendNotify(notification(), List.of("o-1"))));

        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure).isInstanceOf(PlatformException.class);
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
                assertThat(t.toString()).doesNotContain(SECRET);
            }
        });
    }


    private static ActivityMessage activity() {
        return new ActivityMessage("a-1", "1", "FFFFFF", "Sale", "20% off", "https://cdn.example/i.png", null, 1, 120, "en_US");
    }
}
