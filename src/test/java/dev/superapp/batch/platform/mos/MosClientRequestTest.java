package dev.superapp.batch.platform.mos;

import static dev.superapp.batch.platform.mos.MosFixture.APP_SECRET;
import static dev.superapp.batch.platform.mos.MosFixture.md5Hex;
import static dev.superapp.batch.platform.mos.MosFixture.ok;
import static dev.superapp.batch.platform.mos.MosFixture.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.TradeRef;
import java.io.IOException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What goes on the wire to MOS: exact paths and JSON bodies, signatures computed independently, no secret. */
class MosClientRequestTest {

    private final MockWebServer server = new MockWebServer();
    private final MosFixture.Waits waits = new MosFixture.Waits();
    private MosClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = MosFixture.client(server, waits);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void queriesAnOrderByOutTradeNoWithANonceAndTheSeedsMd5Sign() throws InterruptedException {
        server.enqueue(ok(order("O-1", "10.00", "USD", "SUCCESS")));

        client.tradeDetail(new TradeRef("O-1", null));

        String sign = md5Hex("appKey=mos-app-key-1&nonceStr=nonce-1&outTradeNo=O-1&secret=" + APP_SECRET);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/open-apis/mp/v1/pay/orderQuery");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"nonceStr\":\"nonce-1\",\"outTradeNo\":\"O-1\","
                + "\"appKey\":\"mos-app-key-1\",\"sign\":\"" + sign + "\"}");
        assertThat(request.getBody().utf8()).doesNotContain(APP_SECRET);
    }

    @Test
    void signsEveryRetryWithAFreshNonce() throws InterruptedException {
        server.enqueue(MosFixture.answer(503, "busy"));
        server.enqueue(ok(order("O-1", "10.00", "USD", "SUCCESS")));

        client.orderQuery("O-1");

        assertThat(server.takeRequest().getBody().utf8()).contains("\"nonceStr\":\"nonce-1\"");
        String retry = server.takeRequest().getBody().utf8();
        assertThat(retry).contains("\"nonceStr\":\"nonce-2\"")
                .contains(md5Hex("appKey=mos-app-key-1&nonceStr=nonce-2&outTradeNo=O-1&secret=" + APP_SECRET));
    }

    @Test
    void exchangesALoginCodeForTheUsersSession() throws InterruptedException {
        server.enqueue(ok("{\"openid\":\"open-7\",\"sessionKey\":\"sk\"}"));

        MosSession session = client.code2session("code-42");

        assertThat(session.openid()).isEqualTo("open-7");
        assertThat(session.toString()).doesNotContain("sk]");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/open-apis/mp/v1/auth/code2session");
        assertThat(request.getBody().utf8()).isEqualTo("{\"nonceStr\":\"nonce-1\",\"code\":\"code-42\","
                + "\"appKey\":\"mos-app-key-1\",\"sign\":\""
                + md5Hex("appKey=mos-app-key-1&code=code-42&nonceStr=nonce-1&secret=" + APP_SECRET) + "\"}");
    }

    @Test
    void readsTheApplicationWithoutKeepingItsSecret() throws InterruptedException {
        server.enqueue(ok("{\"appName\":\"Tea\",\"appKey\":\"mos-app-key-1\",\"appSecret\":\"leak\","
                + "\"description\":\"tea shop\",\"status\":true,\"notifyUrl\":\"https://tea.example/n\"}"));

        MosApplication application = client.getApplication();

        assertThat(application).isEqualTo(new MosApplication("Tea", "mos-app-key-1", "tea shop", true,
                "https://tea.example/n"));
        assertThat(application.toString()).doesNotContain("leak");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/open-apis/application/v1/getApplication");
        assertThat(request.getBody().utf8()).isEqualTo("{\"nonceStr\":\"nonce-1\",\"appKey\":\"mos-app-key-1\","
                + "\"sign\":\"" + md5Hex("appKey=mos-app-key-1&nonceStr=nonce-1&secret=" + APP_SECRET) + "\"}");
    }

    @Test
    void refusesToCallWithoutCredentialsNamingTheProperty() {
        MosClient unconfigured = new MosClient(new MosProperties(server.url("/").toString(), "k", null),
                MosFixture.transport(), JsonMapper.builder().build(), null, MosClient::randomNonce);

        assertThatThrownBy(unconfigured::requireConfigured).isInstanceOf(PlatformNotConfiguredException.class)
                .hasMessageContaining("mos.app-secret").hasMessageContaining("MOS_APP_SECRET");
        assertThat(server.getRequestCount()).isZero();
    }
}
