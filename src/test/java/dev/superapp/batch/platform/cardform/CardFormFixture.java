package dev.superapp.batch.platform.cardform;

import dev.superapp.batch.platform.CallMetrics;
import dev.superapp.batch.platform.PlatformProperties;
import dev.superapp.batch.platform.PlatformTransport;
import dev.superapp.batch.platform.PlatformTransportProperties;
import dev.superapp.batch.platform.ResilientCaller;
import dev.superapp.batch.platform.RetryPolicy;
import dev.superapp.batch.platform.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

/** A card-form client on a MockWebServer: fixed credentials, a fixed clock, waits recorded instead of spent. */
final class CardFormFixture {

    static final String MINIAPP_ID = "1000083312531542016";
    static final String BIZ_ID = "101691407379048";
    static final String OPERATOR_ID = "11";
    static final String SECRET = "card-form-key-never-on-the-wire";
    static final String TIMEZONE = "Asia/Riyadh";
    static final long NOW_MILLIS = 1690180572312L;
    /** The access prefix of the real platform, so that paths are appended to it, not put in its place. */
    static final String PREFIX = "/miniapp/launchplatformdeveloper/openapi";

    private CardFormFixture() {
    }

    static CardFormClient client(MockWebServer server, Waits waits) {
        return client(new CardFormProperties(server.url(PREFIX).toString(), MINIAPP_ID, BIZ_ID, OPERATOR_ID, SECRET,
                TIMEZONE), waits);
    }

    static CardFormClient client(CardFormProperties properties, Waits waits) {
        PlatformProperties platform = new PlatformProperties(4, 1000.0, Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        ResilientCaller caller = new ResilientCaller(platform, RetryPolicy.defaults(platform.callDeadline()), waits, CallMetrics.NONE);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW_MILLIS), ZoneOffset.UTC);
        return new CardFormClient(properties, transport(), JsonMapper.builder().build(), caller, clock);
    }

    static PlatformTransport transport() {
        return new PlatformTransport(new OkHttpClient(), PlatformTransportProperties.DEFAULTS);
    }

    static MockResponse answer(int httpStatus, String body) {
        return new MockResponse.Builder().code(httpStatus).setHeader("Content-Type", "application/json").body(body)
                .build();
    }

    /** HTTP 200 with this code (a JSON number, or text when quoted by the caller) and message. */
    static MockResponse code(String code, String message) {
        return answer(200, "{\"code\":" + code + ",\"message\":\"" + message + "\",\"data\":null}");
    }

    static MockResponse success(String successIds, String errorIds) {
        return answer(200, "{\"code\":0,\"message\":null,\"data\":{\"successUniqueId\":" + successIds
                + ",\"errorUniqueId\":" + errorIds + "},\"sign\":\"CDD73496515A7F9B66E620CB39470F56\"}");
    }

    static CardFormContent content() {
        return new CardFormContent("{\"imageUrl\":\"https://cdn.example/i.png\","
                + "\"clickUrl\":\"launcherdlt://miniapp?appId=" + MINIAPP_ID + "&page=pages/index/index&query=\"}",
                "iphone",
                List.of(new CardFormLabel("country", "406")));
    }

    /** Records every wait instead of sleeping, so retries take no time. */
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
