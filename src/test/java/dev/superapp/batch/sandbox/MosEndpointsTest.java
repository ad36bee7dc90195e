package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.platform.mos.MosSigner;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's MOS endpoints (seed 002) as a client sees them on the wire. */
class MosEndpointsTest {

    private static final String APP_KEY = "mos-sandbox-app";
    private static final String SECRET = "mos-sandbox-secret";
    private static final JsonMapper JSON = JsonMapper.shared();

    private static SandboxServer sandbox;
    private final OkHttpClient http = new OkHttpClient();
    private final MosSigner signer = new MosSigner(SECRET);

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.defaults(APP_KEY, SECRET));
        sandbox.platform().addTrade(SandboxTrade.scripted("pp-1", "order-1", "open-1", 1999, "USD",
                CloseBehaviour.CLOSES, 1, 2));
        sandbox.platform().addTrade(SandboxTrade.scripted("pp-r", "order-r", "open-1", 100, "USD",
                CloseBehaviour.CLOSES, 2));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void answersAnOrderByOutTradeNoWithItsStatusAndDecimalAmount() throws IOException {
        JsonNode first = post(OpenApiPaths.MOS_ORDER_QUERY, signed("n-1", "outTradeNo", "order-1"));
        JsonNode second = post(OpenApiPaths.MOS_ORDER_QUERY, signed("n-2", "outTradeNo", "order-1"));

        assertThat(first.path("code").intValue()).isZero();
        assertThat(first.path("data").path("status").stringValue()).isEqualTo("NOTPAY");
        assertThat(second.path("data").path("status").stringValue()).isEqualTo("SUCCESS");
        assertThat(second.path("data").path("totalAmount").stringValue()).isEqualTo("19.99");
        assertThat(second.path("data").path("prepayId").stringValue()).isEqualTo("pp-1");
    }

    @Test
    void refusesAWrongSignAReplayedNonceAndAnUnknownOrder() throws IOException {
        Map<String, String> tampered = signed("n-10", "outTradeNo", "order-r");
        tampered.put("outTradeNo", "order-1");
        assertThat(post(OpenApiPaths.MOS_ORDER_QUERY, tampered).path("code").intValue()).isEqualTo(401);

        assertThat(post(OpenApiPaths.MOS_ORDER_QUERY, signed("n-11", "outTradeNo", "order-r")).path("code").intValue())
                .isZero();
        assertThat(post(OpenApiPaths.MOS_ORDER_QUERY, signed("n-11", "outTradeNo", "order-r")).path("msg").stringValue())
                .contains("nonceStr was used before");

        JsonNode unknown = post(OpenApiPaths.MOS_ORDER_QUERY, signed("n-12", "outTradeNo", "nope"));
        assertThat(unknown.path("code").intValue()).isEqualTo(404);
        assertThat(unknown.toString()).doesNotContain(SECRET);
    }

    @Test
    void exchangesACodeAndDescribesTheApplicationWithoutItsSecret() throws IOException {
        JsonNode session = post(OpenApiPaths.MOS_CODE_TO_SESSION, signed("n-20", "code", "c1"));
        JsonNode application = post(OpenApiPaths.MOS_GET_APPLICATION, signed("n-21", null, null));

        assertThat(session.path("data").path("openid").stringValue()).isEqualTo("mos-open-c1");
        assertThat(application.path("data").path("appKey").stringValue()).isEqualTo(APP_KEY);
        assertThat(application.toString()).doesNotContain(SECRET).doesNotContain("appSecret");
    }

    private Map<String, String> signed(String nonce, String name, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nonceStr", nonce);
        if (name != null) {
            fields.put(name, value);
        }
        fields.put("appKey", APP_KEY);
        fields.put("sign", signer.sign(fields));
        return fields;
    }

    private JsonNode post(String path, Map<String, String> fields) throws IOException {
        Request request = new Request.Builder().url(sandbox.baseUrl() + path)
                .post(RequestBody.create(JSON.writeValueAsString(fields), MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            return JSON.readTree(response.body().string());
        }
    }
}
