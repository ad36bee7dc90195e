package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.CallMetrics;
import dev.superapp.batch.platform.PlatformProperties;
import dev.superapp.batch.platform.PlatformTransport;
import dev.superapp.batch.platform.PlatformTransportProperties;
import dev.superapp.batch.platform.ResilientCaller;
import dev.superapp.batch.platform.RetryPolicy;
import dev.superapp.batch.platform.Sleeper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

/** A MOS client on a MockWebServer: fixed credentials, numbered nonces, waits recorded instead of spent. */
final class MosFixture {

    static final String APP_KEY = "mos-app-key-1";
    static final String APP_SECRET = "mos-secret-never-on-the-wire";

    private MosFixture() {
    }

    static MosClient client(MockWebServer server, Waits waits) {
        PlatformProperties platform = new PlatformProperties(4, 1000.0, Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        ResilientCaller caller = new ResilientCaller(platform, RetryPolicy.defaults(platform.callDeadline()), waits, CallMetrics.NONE);
        AtomicInteger nonce = new AtomicInteger();
        return new MosClient(new MosProperties(server.url("/").toString(), APP_KEY, APP_SECRET), transport(),
                JsonMapper.builder().build(), caller, () -> "nonce-" + nonce.incrementAndGet());
    }

    static PlatformTransport transport() {
        return new PlatformTransport(new OkHttpClient(), PlatformTransportProperties.DEFAULTS);
    }

    static MockResponse answer(int httpStatus, String body) {
        return new MockResponse.Builder().code(httpStatus).setHeader("Content-Type", "application/json").body(body)
                .build();
    }

    static MockResponse ok(String dataJson) {
        return answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":" + dataJson + "}");
    }

    static MockResponse code(int code, String msg) {
        return answer(200, "{\"code\":" + code + ",\"msg\":\"" + msg + "\",\"data\":null}");
    }

    static String order(String outTradeNo, String totalAmount, String currency, String status) {
        return "{\"openid\":\"open-1\",\"prepayId\":\"pp-9\",\"outTradeNo\":\"" + outTradeNo + "\",\"country\":\"KH\","
                + "\"currency\":\"" + currency + "\",\"totalAmount\":\"" + totalAmount + "\",\"desc\":\"tea\","
                + "\"status\":\"" + status + "\",\"expireTime\":1764000000000,\"createTime\":1763990000000}";
    }

    /** Lowercase hex MD5, computed here without the signer under test. */
    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Records the non-zero waits between attempts instead of spending them. */
    static final class Waits implements Sleeper {
        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            if (!duration.isZero()) {
                waits.add(duration);
            }
        }

        List<Duration> all() {
            return List.copyOf(waits);
        }
    }
}
