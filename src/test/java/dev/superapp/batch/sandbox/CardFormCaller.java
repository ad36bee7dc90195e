package dev.superapp.batch.sandbox;

import dev.superapp.batch.platform.CallMetrics;
import dev.superapp.batch.platform.PlatformProperties;
import dev.superapp.batch.platform.PlatformTransport;
import dev.superapp.batch.platform.PlatformTransportProperties;
import dev.superapp.batch.platform.ResilientCaller;
import dev.superapp.batch.platform.RetryPolicy;
import dev.superapp.batch.platform.cardform.CardFormClient;
import dev.superapp.batch.platform.cardform.CardFormProperties;
import dev.superapp.batch.platform.cardform.CardFormSignedFields;
import dev.superapp.batch.platform.cardform.CardFormSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Card-form calls to a running sandbox: raw JSON bodies signed by hand, for what a well-behaved
 * client never sends, and the real {@link CardFormClient} pointed at the sandbox. The sandbox's
 * default card form is {@link SandboxCardForm#DEFAULT_BIZ_ID} of {@link SandboxCaller#APP_ID}.
 */
final class CardFormCaller {

    static final String MINIAPP_ID = SandboxCaller.APP_ID;
    static final String BIZ_ID = SandboxCardForm.DEFAULT_BIZ_ID;
    static final String SECRET = SandboxCaller.SECRET;

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private final String baseUrl;

    CardFormCaller(SandboxServer server) {
        this.baseUrl = server.baseUrl();
    }

    /** The real client for the default card form, signing with {@code secret}. */
    static CardFormClient client(SandboxServer server, String secret, Duration readTimeout) {
        return client(server, new SandboxCardForm(MINIAPP_ID, BIZ_ID, secret), readTimeout);
    }

    /** The real client with these credentials, retrying without sleeping; its read timeout says what a timeout is. */
    static CardFormClient client(SandboxServer server, SandboxCardForm credentials, Duration readTimeout) {
        CardFormProperties properties = new CardFormProperties(server.baseUrl(), credentials.miniappId(),
                credentials.bizId(), "op-1", credentials.secretAccessKey(), "Asia/Riyadh");
        PlatformProperties platform = new PlatformProperties(4, 1000.0, Duration.ofSeconds(30), Duration.ofSeconds(2),
                readTimeout, Duration.ofSeconds(30));
        ResilientCaller caller = new ResilientCaller(platform, RetryPolicy.defaults(platform.callDeadline()),
                any -> { }, CallMetrics.NONE);
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(readTimeout).build();
        PlatformTransport transport = new PlatformTransport(http, PlatformTransportProperties.DEFAULTS);
        return new CardFormClient(properties, transport, JsonMapper.builder().build(), caller, Clock.systemUTC());
    }

    /**
     * A body whose {@code sign} covers {@code signedData}, carrying {@code sentData} as its data (the
     * same text for an honest request).
     */
    static String body(String requestId, String sentData, String signedData) {
        String sign = new CardFormSigner(SECRET).sign(new CardFormSignedFields(requestId, BIZ_ID, MINIAPP_ID, "op-1",
                signedData, "1690180572312"));
        return "{\"requestId\":\"" + requestId + "\",\"bizId\":\"" + BIZ_ID + "\",\"miniappId\":\"" + MINIAPP_ID
                + "\",\"operatorId\":\"op-1\",\"timeStamp\":\"1690180572312\",\"data\":" + sentData
                + ",\"sign\":\"" + sign + "\"}";
    }

    static String body(String requestId, String data) {
        return body(requestId, data, data);
    }

    /** The data of a send with this form text (JSON in a string) and these uniqueIds (a JSON array). */
    static String sendData(String uniqueIdsArray) {
        return "{\"text\":\"{\\\"imageUrl\\\":\\\"https://cdn.example/i.png\\\"}\","
                + "\"cardFormReceiverInfo\":{\"uniqueIds\":" + uniqueIdsArray + "}}";
    }

    Reply post(String path, String body) {
        return call(new Request.Builder().url(baseUrl + path).header("Accept-Timezone", "UTC")
                .post(RequestBody.create(body, JSON_TYPE)).build());
    }

    Reply call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Reply(response.code(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Request.Builder request(String path) {
        return new Request.Builder().url(baseUrl + path);
    }

    /** What came back: the HTTP status and the body as text. */
    record Reply(int httpCode, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        /** The answer's {@code code} as it was written, a number or text. */
        JsonNode code() {
            return json().path("code");
        }

        String message() {
            return json().path("message").asString();
        }

        JsonNode data() {
            return json().path("data");
        }
    }
}
