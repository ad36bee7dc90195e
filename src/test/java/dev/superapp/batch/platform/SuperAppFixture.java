package dev.superapp.batch.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

/** A SuperApp client wired to a MockWebServer with fixed credentials, a fixed clock and fake waiting. */
final class SuperAppFixture {

    static final String APP_ID = "mini-app-7";
    static final String SECRET = "s3cr3t-never-on-the-wire";
    static final long NOW_MILLIS = 1685608097842L;
    /** Long enough that a slow answer on a busy machine never passes for a timeout. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** For tests that stall an answer on purpose: short, as it is spent in real time. */
    static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(500);

    private SuperAppFixture() {
    }

    static SuperAppClient client(MockWebServer server, FakeTime time) {
        return client(server, time, READ_TIMEOUT);
    }

    static SuperAppClient client(MockWebServer server, FakeTime time, Duration readTimeout) {
        return client(server, time, RetryPolicy.defaults(Duration.ofSeconds(60)), 16, readTimeout);
    }

    static SuperAppClient client(MockWebServer server, FakeTime time, RetryPolicy policy, int maxInFlight) {
        return client(server, time, policy, maxInFlight, READ_TIMEOUT);
    }

    /** A client of whatever is at {@code baseUrl}, e.g. a port nobody listens on. */
    static SuperAppClient client(String baseUrl, FakeTime time) {
        return client(baseUrl, time, RetryPolicy.defaults(Duration.ofSeconds(60)), 16, READ_TIMEOUT);
    }

    static SuperAppClient client(MockWebServer server, FakeTime time, RetryPolicy policy, int maxInFlight,
                                 Duration readTimeout) {
        return client(server.url("/").toString(), time, policy, maxInFlight, readTimeout);
    }

    /** Backoff jitter is fixed at its ceiling, so the waits a test sees are exact. */
    private static SuperAppClient client(String baseUrl, FakeTime time, RetryPolicy policy, int maxInFlight,
                                         Duration readTimeout) {
        SuperAppProperties properties = new SuperAppProperties(baseUrl, APP_ID, SECRET);
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(readTimeout).build();
        ResilientCaller caller = new ResilientCaller(maxInFlight, new AdaptiveRateLimiter(1000, time), policy, time, time, () -> 1.0);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW_MILLIS), ZoneOffset.UTC);
        PlatformTransport transport = new PlatformTransport(http, PlatformTransportProperties.DEFAULTS);
        return new SuperAppClient(properties, transport, JsonMapper.builder().build(), caller, clock);
    }

    /** A notification with every required field. */
    static NotifyMessage notification() {
        return new NotifyMessage(1, "Paid", "Thanks", "1", null, null, "en_US");
    }

    /** HTTP 200, status 200, with this {@code response} JSON. */
    static MockResponse ok(String responseJson) {
        return answer(200, "{\"responseHeader\":{\"status\":200,\"msg\":\"OK\"},\"response\":" + responseJson + "}");
    }

    /** HTTP 200 with a non-200 {@code responseHeader.status}. */
    static MockResponse status(int status, String msg) {
        return answer(200, "{\"responseHeader\":{\"status\":" + status + ",\"msg\":\"" + msg + "\"},\"response\":null}");
    }

    static MockResponse answer(int httpStatus, String body) {
        return new MockResponse.Builder().code(httpStatus).setHeader("Content-Type", "application/json").body(body).build();
    }

    static String detailJson(String tradeNo, int transactionStatus) {
        return "{\"tradeNo\":\"" + tradeNo + "\",\"appId\":\"" + APP_ID + "\",\"outTradeNo\":\"order-42\","
                + "\"amount\":1999,\"amountStrWithYuan\":\"19.99\",\"currency\":\"SAR\","
                + "\"openId\":\"358a2136a94a67b23631c67dfe386230\",\"transactionStatus\":" + transactionStatus
                + ",\"failReasonType\":-1,\"ctime\":1670937859115,\"mtime\":1670938076064}";
    }

    /** Lowercase hex SHA-256, computed here without the signer under test. */
    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
