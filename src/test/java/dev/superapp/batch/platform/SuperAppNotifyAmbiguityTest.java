package dev.superapp.batch.platform;

import static dev.superapp.batch.platform.SuperAppFixture.answer;
import static dev.superapp.batch.platform.SuperAppFixture.notification;
import static dev.superapp.batch.platform.SuperAppFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sendNotify} cannot be de-duplicated by the platform: every failure after the request may have
 * reached it ends the call after that one request, as an {@link AmbiguousOutcomeException}; only a
 * failure to connect is retried. {@code sendActivity}, which the platform de-duplicates, is re-sent.
 */
class SuperAppNotifyAmbiguityTest {

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
    void aBadGatewayAfterThePlatformMayHaveActedIsAmbiguousAndNotResent() {
        server.enqueue(answer(502, "upstream timed out"));
        server.enqueue(ok("true"));

        assertThatThrownBy(() -> client.sendNotify(notification(), List.of("o-1")))
                .isInstanceOfSatisfying(AmbiguousOutcomeException.class, e -> {
                    assertThat(e.getMessage()).contains("SuperApp sendNotify", "HTTP 502", "may have acted");
                    assertThat(e.rawAnswer()).isEqualTo("upstream timed out");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aServerFaultInTheEnvelopeIsAmbiguousAndNotResent() {
        server.enqueue(SuperAppFixture.status(500, "internal error"));
        server.enqueue(ok("true"));

        assertThatThrownBy(() -> client.sendNotify(notification(), List.of("o-1")))
                .isInstanceOf(AmbiguousOutcomeException.class)
                .hasMessageContaining("status 500");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAnswerCutShortWhileBeingReadIsAmbiguousAndNotResent() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"responseHeader\":{\"status\":200,\"msg\":\"OK\"},"
                + "\"response\":true}").onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("true"));

        assertThatThrownBy(() -> client.sendNotify(notification(), List.of("o-1")))
                .isInstanceOf(AmbiguousOutcomeException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsRetriedBecauseTheRequestNeverLeft() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SuperAppClient unreachable = SuperAppFixture.client("http://127.0.0.1:" + closedPort + "/", time);

        assertThatThrownBy(() -> unreachable.sendNotify(notification(), List.of("o-1")))
                .isInstanceOfSatisfying(PlatformUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("ConnectException");
                });
        assertThat(time.waits()).hasSize(4);
    }

    @Test
    void anActivityCardIsResentAfterABadGatewayWithTheSameActivityId() throws InterruptedException {
        server.enqueue(answer(502, "upstream timed out"));
        server.enqueue(ok("true"));

        client.sendActivity(new ActivityMessage("a-1", "1", "FFFFFF", "Sale", "20% off",
                "https://cdn.example/i.png", null, 1, 120, "en_US"), List.of("o-1"));

        assertThat(server.getRequestCount()).isEqualTo(2);
        String first = server.takeRequest().getBody().utf8();
        String second = server.takeRequest().getBody().utf8();
        assertThat(first).contains("activityId=a-1");
        assertThat(second).contains("activityId=a-1");
    }
}
