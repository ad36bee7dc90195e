package dev.superapp.batch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** Answers are trusted only over a trusted transport: https or loopback, no redirects, a bounded body. */
class PlatformTransportTest {

    private static final PlatformSetting BASE_URL = new PlatformSetting("superapp.base-url", "SUPERAPP_BASE_URL");
    private static final PlatformEndpoint ENDPOINT = PlatformEndpoint.of("Test", "read", "read", CallKind.READ);
    private static final int LIMIT = 1024;

    private final MockWebServer server = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();
    // A plain client follows redirects: the transport must turn that off itself.
    private final PlatformTransport transport = new PlatformTransport(
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build(),
            new PlatformTransportProperties(false, DataSize.ofBytes(LIMIT)));

    @BeforeEach
    void start() throws IOException {
        server.start();
        elsewhere.start();
    }

    @AfterEach
    void stop() {
        server.close();
        elsewhere.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://platform.example", "http://127.0.0.1:9911", "http://127.8.9.10/", "http://[::1]:8080",
            "http://localhost:9911/prefix"})
    void trustsHttpsAndPlainHttpToThisMachine(String url) {
        assertThat(transport.baseUrl(BASE_URL, url).toString()).startsWith(url.substring(0, url.indexOf(':')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://platform.example", "http://10.0.0.7:8080", "http://127.0.0.1.nip.io/",
            "http://localhost.example.com"})
    void refusesPlainHttpToAnyOtherMachineInOneLineNamingTheSetting(String url) {
        assertThatThrownBy(() -> transport.refuseUntrusted(BASE_URL, url))
                .isInstanceOf(PlatformNotConfiguredException.class)
                .hasMessageStartingWith("superapp.base-url must be an https:// URL (SUPERAPP_BASE_URL): http://")
                .hasMessageContaining("platform.allow-http=true")
                .hasMessageNotContaining("\n");
    }

    @Test
    void allowsPlainHttpWhenToldTo() {
        PlatformTransport allowing = new PlatformTransport(new OkHttpClient(),
                new PlatformTransportProperties(true, DataSize.ofMegabytes(1)));

        assertThat(allowing.baseUrl(BASE_URL, "http://platform.example").host()).isEqualTo("platform.example");
    }

    @Test
    void leavesAnUnsetBaseUrlToTheFirstCall() {
        transport.refuseUntrusted(BASE_URL, null);
        transport.refuseUntrusted(BASE_URL, " ");

        assertThatThrownBy(() -> transport.baseUrl(BASE_URL, null)).hasMessage("superapp.base-url is not set (SUPERAPP_BASE_URL)");
    }

    @Test
    void neverFollowsARedirectOfASignedRequest() {
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", elsewhere.url("/stolen")).build());
        SuperAppClient client = SuperAppFixture.client(server, new FakeTime());

        assertThatThrownBy(() -> client.sendNotify(SuperAppFixture.notification(), List.of("o-1")))
                .isInstanceOfSatisfying(PlatformRejectedException.class, e -> assertThat(e.status()).isEqualTo(302));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void readsAnAnswerOfExactlyTheLimit() throws Exception {
        server.enqueue(new MockResponse.Builder().body("x".repeat(LIMIT)).build());

        assertThat(transport.send(ENDPOINT, get()).body()).hasSize(LIMIT);
    }

    @Test
    void refusesAnAnswerWhoseContentLengthIsOverTheLimitWithoutReadingIt() {
        server.enqueue(new MockResponse.Builder().body("x".repeat(LIMIT + 1)).build());

        assertThatThrownBy(() -> transport.send(ENDPOINT, get()))
                .isInstanceOfSatisfying(UnusableAnswer.class, e -> {
                    assertThat(e.kind()).isEqualTo(UnusableAnswer.Kind.MALFORMED);
                    assertThat(e.rawAnswer()).isNull();
                    assertThat(e.getMessage()).contains("Test read", "platform.max-answer-size", "1025 bytes by its Content-Length");
                });
    }

    @Test
    void refusesALongerAnswerOfUnknownLengthOnceItPassesTheLimitWithoutWaitingForTheRest() {
        // Chunked, so no Content-Length; half of it is written, then the server stalls. Reading it whole would
        // wait for the read timeout; counting while reading stops at the limit.
        server.enqueue(new MockResponse.Builder().chunkedBody("x".repeat(8 * LIMIT), 256)
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());

        assertThatThrownBy(() -> transport.send(ENDPOINT, get()))
                .isInstanceOfSatisfying(UnusableAnswer.class, e ->
                        assertThat(e.getMessage()).contains("found while reading"));
    }

    @Test
    void anOversizedAnswerToANotificationIsAmbiguous() {
        server.enqueue(SuperAppFixture.answer(200, "{\"responseHeader\":{\"status\":200,\"msg\":\"" + "x".repeat(1 << 20)
                + "\"},\"response\":true}"));
        server.enqueue(SuperAppFixture.ok("true"));
        SuperAppClient client = SuperAppFixture.client(server, new FakeTime());

        assertThatThrownBy(() -> client.sendNotify(SuperAppFixture.notification(), List.of("o-1")))
                .isInstanceOf(AmbiguousOutcomeException.class)
                .hasMessageContaining("platform.max-answer-size");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private Request get() {
        return new Request.Builder().url(server.url("/read")).build();
    }
}
