package dev.superapp.batch.platform;

import static dev.superapp.batch.platform.SuperAppFixture.answer;
import static dev.superapp.batch.platform.SuperAppFixture.detailJson;
import static dev.superapp.batch.platform.SuperAppFixture.SHORT_READ_TIMEOUT;
import static dev.superapp.batch.platform.SuperAppFixture.notification;
import static dev.superapp.batch.platform.SuperAppFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries on real HTTP; waits are recorded on fake time, only read timeouts take (short) real time. */
class SuperAppClientRetryTest {

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private SuperAppClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = SuperAppFixture.client(server, time);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recoversFromThrottlingServerFaultsAndATimeoutWithinOneCall() {
        client = SuperAppFixture.client(server, time, SHORT_READ_TIMEOUT);
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
        server.enqueue(answer(503, "Service Unavailable"));
        server.enqueue(SuperAppFixture.status(500, "internal error"));
        server.enqueue(stalled());
        server.enqueue(ok(detailJson("T-1001", 2)));

        TradeDetail detail = client.tradeDetail("T-1001");

        assertThat(detail.transactionStatus()).isEqualTo(TradeDetail.SUCCEEDED);
        assertThat(server.getRequestCount()).isEqualTo(5);
        // Retry-After as asked; then backoff ceilings for requests 2, 3 and 4 (jitter fixed at its ceiling).
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofMillis(1600));
    }

    @Test
    void retriesThrottledCallHonouringRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Retry-After", "3")
                .body("{\"responseHeader\":{\"status\":429,\"msg\":\"too many requests\"},\"response\":null}").build());
        server.enqueue(ok("true"));

        assertThat(client.tradeClose("T-1001").closed()).isTrue();
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void keepsWaitingOutThrottlingWithoutUsingUpAttempts() {
        for (int i = 0; i < 7; i++) {
            server.enqueue(answer(429, "slow down"));
        }
        server.enqueue(ok(detailJson("T-1001", 2)));

        assertThat(client.tradeDetail("T-1001").amount()).isEqualTo(1999);
        assertThat(server.getRequestCount()).isEqualTo(8);
    }

    @Test
    void givesUpAfterTheAttemptBudget() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(answer(503, "busy " + i));
        }

        assertThatThrownBy(() -> client.tradeDetail("T-1001"))
                .isInstanceOfSatisfying(PlatformUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(5);
                    assertThat(e.rawAnswer()).isEqualTo("busy 4");
                    assertThat(e.getMessage()).contains("SuperApp tradedetail", "HTTP 503");
                });
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void givesUpWhenTheNextWaitWouldPassTheCallDeadline() {
        client = SuperAppFixture.client(server, time,
                new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(10)), 16);
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "4").build());
        }

        assertThatThrownBy(() -> client.tradeDetail("T-1001"))
                .isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("call deadline");
        // Sent at 0 s, 4 s and 8 s; waiting until 12 s would pass the 10 s deadline.
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void doesNotResendANotificationAfterATimeout() {
        client = SuperAppFixture.client(server, time, SHORT_READ_TIMEOUT);
        server.enqueue(stalled());
        server.enqueue(ok("true"));

        assertThatThrownBy(() -> client.sendNotify(notification(), List.of("o-1")))
                .isInstanceOf(AmbiguousOutcomeException.class)
                .hasMessageContaining("may have acted");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void doesNotResendANotificationAfterADroppedConnection() {
        // A pooled connection that drops is where OkHttp itself would quietly send the request again.
        server.enqueue(ok("true"));
        client.tradeClose("T-1001");
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("true"));

        assertThatThrownBy(() -> client.sendNotify(notification(), List.of("o-1")))
                .isInstanceOf(AmbiguousOutcomeException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void resendsANotificationOnlyAfterThrottling() {
        server.enqueue(answer(429, "slow down"));
        server.enqueue(SuperAppFixture.status(429, "slow down"));
        server.enqueue(ok("true"));

        client.sendNotify(notification(), List.of("o-1"));

        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void resendsAnActivityCardAfterATimeoutBecauseThePlatformDeduplicatesIt() {
        client = SuperAppFixture.client(server, time, SHORT_READ_TIMEOUT);
        server.enqueue(stalled());
        server.enqueue(ok("true"));

        client.sendActivity(new ActivityMessage("a-1", "1", "FFFFFF", "Sale", "20% off",
                "https://cdn.example/i.png", null, 1, 120, "en_US"), List.of("o-1"));

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void resendsATradeCloseAfterATimeout() {
        client = SuperAppFixture.client(server, time, SHORT_READ_TIMEOUT);
        server.enqueue(stalled());
        server.enqueue(ok("true"));

        assertThat(client.tradeClose("T-1001").closed()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    /** Receives the request and never answers, so the client's read timeout fires. */
    private static MockResponse stalled() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }
}
