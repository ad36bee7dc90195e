package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.PlatformCalls;
import dev.superapp.batch.platform.PlatformTransport;
import dev.superapp.batch.platform.ResilientCaller;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
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

    private final V2AnswerReader answers;
    private final Clock clock;
    private final PlatformCalls<V2Keys> calls;

    /** @throws dev.superapp.batch.platform.PlatformNotConfiguredException {@code openapi-v2.base-url} is set but may not be trusted */
    public V2Client(V2Properties properties, PlatformTransport transport, JsonMapper json, ResilientCaller caller,
                    Clock clock) {
        this.answers = new V2AnswerReader(json);
        this.clock = clock;
        this.calls = new PlatformCalls<>(transport, caller, V2Properties.BASE_URL, properties.baseUrl(),
                () -> V2Keys.configured(properties, transport));
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
        V2Keys keys = calls.configured();
        return calls.call(endpoint.endpoint(), configured -> request(configured, endpoint, jsonBody),
                answer -> answers.read(endpoint, keys, answer));
    }

    /** Checks the settings and reads the key files, so a missing one is reported before a run. */
    public void requireConfigured() {
        calls.configured();
    }

    private Request request(V2Keys configured, V2Endpoint endpoint, String body) {
        String time = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(REQUEST_TIME);
        String signature = V2Signature.header(configured.ours(), configured.keyVersion(),
                V2Signature.signingText("POST", endpoint.path(), configured.clientId(), time, body));
        return new Request.Builder()
                .url(endpoint.endpoint().under(configured.baseUrl()))
                .header("Client-Id", configured.clientId())
                .header("Request-Time", time)
                .header("Signature", signature)
                .post(RequestBody.create(body, JSON_TYPE))
                .build();
    }
}
