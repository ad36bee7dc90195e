package dev.superapp.batch.campaign.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.platform.cardform.CardFormSignedFields;
import dev.superapp.batch.platform.cardform.CardFormSigner;
import dev.superapp.batch.sandbox.SandboxCardForm;
import dev.superapp.batch.testing.RawHttp;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.io.IOException;
import java.time.LocalDateTime;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The callback endpoint of {@code serve}, over real HTTP: a signed callback moves its recipients, and a body over
 * {@code cardform.callback.max-body-size} is refused, announced or not, without waiting for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
                "cardform.callback.max-body-size=2KB"})
class CardFormCallbackEndpointTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
    }

    @Test
    void aSignedCallbackPostedToServeMarksItsRecipients() throws Exception {
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql("INSERT INTO campaign (campaign_id, channel, definition, audience_path, status, request_nonce,"
                + " created_at, updated_at) VALUES ('cb-http', 'CARDFORM', '{}', 'a.csv', 'REGISTERED', '0a1b2c3d', ?, ?)")
                .params(now, now).update();
        jdbc.sql("INSERT INTO campaign_request (campaign_id, chunk_no, request_id, state, recipients, created_at, updated_at)"
                + " VALUES ('cb-http', 1, 'cb-http-1', 'ACKNOWLEDGED', 1, ?, ?)").params(now, now).update();
        jdbc.sql("INSERT INTO campaign_recipient (campaign_id, line_no, recipient_id, state, send_key, chunk_no, request_id)"
                + " VALUES ('cb-http', 2, 'u2', 'SENT', 'u2', 1, 'cb-http-1')").update();
        String returInfo = "{\"code\":0,\"data\":{\"errorUniqueId\":[\"u2\"]}}";
        String timeStamp = String.valueOf(System.currentTimeMillis());
        String sign = new CardFormSigner(TestSandbox.SECRET).sign(new CardFormSignedFields("cb-http-1",
                SandboxCardForm.DEFAULT_BIZ_ID, TestSandbox.APP_ID, "", returInfo, timeStamp));
        String body = "{\"requestId\":\"cb-http-1\",\"bizId\":\"" + SandboxCardForm.DEFAULT_BIZ_ID + "\",\"miniappId\":\""
                + TestSandbox.APP_ID + "\",\"operatorId\":\"\",\"timeStamp\":\"" + timeStamp + "\",\"returInfo\":" + returInfo
                + ",\"sign\":\"" + sign + "\"}";

        Request post = new Request.Builder().url("http://127.0.0.1:" + port + "/callbacks/cardform")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = new OkHttpClient().newCall(post).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        Request tampered = new Request.Builder().url("http://127.0.0.1:" + port + "/callbacks/cardform")
                .post(RequestBody.create(body.replace("u2", "u3"), MediaType.get("application/json"))).build();
        try (Response response = new OkHttpClient().newCall(tampered).execute()) {
            assertThat(response.code()).isEqualTo(401);
        }

        assertThat(jdbc.sql("SELECT state FROM campaign_recipient WHERE campaign_id = 'cb-http'").query(String.class).single())
                .isEqualTo("REJECTED");
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeItIsSent() throws Exception {
        String head = "POST /callbacks/cardform HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000000\r\n\r\n";

        assertThat(RawHttp.answerToHeadersAlone(port, head)).startsWith("HTTP/1.1 413");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        RequestBody endless = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("{\"requestId\":\"" + "x".repeat(4096) + "\"}");
            }
        };
        Request post = new Request.Builder().url("http://127.0.0.1:" + port + "/callbacks/cardform").post(endless).build();

        try (Response response = new OkHttpClient().newCall(post).execute()) {
            assertThat(response.code()).isEqualTo(413);
            assertThat(response.body().string()).contains("larger than 2048 bytes");
        }
    }
}
