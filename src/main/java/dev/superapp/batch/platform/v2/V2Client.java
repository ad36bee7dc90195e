package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.CallKind;
import dev.superapp.batch.platform.ResilientCaller;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transport of the v2 OpenAPI (seed 000): a JSON POST to {@code /api/open/v2/<endpoint>} signed
 * with our RSA key in the {@code Signature}, {@code Client-Id} and {@code Request-Time} headers, and
 * an answer used only once the platform's signature on it verifies (see {@link V2Signature} for the
 * exact text signed). Every call is idempotent by the seed's rules, as the caller puts the request's
 * own id in the body: after a timeout, a fault, a throttle or a {@code U}/{@code A} result, the
 * same body is sent again (re-signed with a fresh {@code Request-Time}) until the result is
 * {@code S} or {@code F} or the retry budget runs out. Thread-safe.
 */
public class V2Client {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=UTF-8");
    // The seed's example, 2024-01-10T12:00:00+01:00: seconds, and a numeric offset even at UTC.
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final V2Properties properties;
    private final OkHttpClient http;
    private final V2AnswerReader answers;
    private final ResilientCaller caller;
    private final Clock clock;
    private volatile V2Keys keys;

    public V2Client(V2Properties properties, OkHttpClient http, JsonMapper json, ResilientCaller caller, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.answers = new V2AnswerReader(json);
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Sends {@code jsonBody} until a verified {@code S} or {@code F} answer.
     *
     * @param jsonBody the request exactly as it goes on the wire, with its idempotency id
     * @throws V2FailedException                                        a verified {@code F}
     * @throws dev.superapp.batch.platform.PlatformUnavailableException no verified S or F within the budget
     * @throws dev.superapp.batch.platform.PlatformRejectedException    an HTTP 4xx other than 429
     * @throws dev.superapp.batch.platform.PlatformNotConfiguredException settings or key files are missing or unusable
     */
    public V2Answer post(V2Endpoint endpoint, String jsonBody) {
        V2Keys configured = keys();
        return caller.call(endpoint.label(), CallKind.READ, () -> {
            try (Response response = http.newCall(request(configured, endpoint, jsonBody)).execute()) {
                return answers.read(endpoint, configured, response, response.body().string());
            }
        });
    }

    /** Checks the settings and reads the key files, so a missing one is reported before a run. */
    public void requireConfigured() {
        keys();
    }

    private Request request(V2Keys configured, V2Endpoint endpoint, String body) {
        String time = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(REQUEST_TIME);
        String signature = V2Signature.header(configured.ours(), configured.keyVersion(),
                V2Signature.signingText("POST", endpoint.path(), configured.clientId(), time, body));
        return new Request.Builder()
                .url(configured.baseUrl().newBuilder().addPathSegments(endpoint.path().substring(1)).build())
                .header("Client-Id", configured.clientId())
                .header("Request-Time", time)
                .header("Signature", signature)
                .post(RequestBody.create(body, JSON_TYPE))
                .build();
    }

    private V2Keys keys() {
        V2Keys loaded = keys;
        if (loaded == null) {
            // Two threads racing here read the same files; either result may win.
            loaded = V2Keys.configured(properties);
            keys = loaded;
        }
        return loaded;
    }
}
