package dev.superapp.batch.platform.cardform;

import static dev.superapp.batch.platform.cardform.CardFormFixture.BIZ_ID;
import static dev.superapp.batch.platform.cardform.CardFormFixture.MINIAPP_ID;
import static dev.superapp.batch.platform.cardform.CardFormFixture.OPERATOR_ID;
import static dev.superapp.batch.platform.cardform.CardFormFixture.PREFIX;
import static dev.superapp.batch.platform.cardform.CardFormFixture.SECRET;
import static dev.superapp.batch.platform.cardform.CardFormFixture.answer;
import static dev.superapp.batch.platform.cardform.CardFormFixture.content;
import static dev.superapp.batch.platform.cardform.CardFormFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes on the wire: the exact JSON body and header, a signature over the exact data bytes, no secret. */
class CardFormClientRequestTest {

    private static final String TEXT = "{\\\"imageUrl\\\":\\\"https://cdn.example/i.png\\\",\\\"clickUrl\\\":"
            + "\\\"launcherdlt://miniapp?appId=" + MINIAPP_ID + "&page=pages/index/index&query=\\\"}";

    private final MockWebServer server = new MockWebServer();
    private final CardFormFixture.Waits waits = new CardFormFixture.Waits();
    private CardFormClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = CardFormFixture.client(server, waits);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheCardFormAsSignedJsonUnderTheAccessPrefix() throws InterruptedException {
        server.enqueue(success("[\"u-1\",\"u-2\"]", "[]"));

        client.sendCardForm("campaign-7-chunk-3", content(), List.of("u-1", "u-2"));

        String data = "{\"text\":\"" + TEXT + "\",\"cardFormReceiverInfo\":{\"uniqueIds\":[\"u-1\",\"u-2\"],"
                + "\"keyword\":\"iphone\",\"labels\":[{\"labelName\":\"country\",\"labelValue\":\"406\"}]}}";
        String sign = expectedSign("campaign-7-chunk-3", data);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo(PREFIX + "/cardform/cmd/sendCardForm");
        assertThat(request.getHeaders().get("Accept-Timezone")).isEqualTo("Asia/Riyadh");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.getBody().utf8()).isEqualTo("{\"requestId\":\"campaign-7-chunk-3\",\"bizId\":\"" + BIZ_ID
                + "\",\"miniappId\":\"" + MINIAPP_ID + "\",\"operatorId\":\"11\",\"timeStamp\":\"1690180572312\","
                + "\"data\":" + data + ",\"sign\":\"" + sign + "\"}");
        assertNoSecretIn(request);
    }

    @Test
    void signsExactlyTheDataBytesThatAreSent() throws InterruptedException {
        server.enqueue(success("[\"ü-1\"]", "[]"));

        client.sendCardForm("r-1", new CardFormContent("{\"title\":\"Grüße \\\"quoted\\\" / ok\"}", null, null),
                List.of("ü-1"));

        String body = server.takeRequest().getBody().utf8();
        String sentData = body.substring(body.indexOf(",\"data\":") + 8, body.indexOf(",\"sign\":"));
        String sentSign = body.substring(body.indexOf(",\"sign\":\"") + 9, body.length() - 2);
        assertThat(sentData).isEqualTo("{\"text\":\"{\\\"title\\\":\\\"Grüße \\\\\\\"quoted\\\\\\\" / ok\\\"}\","
                + "\"cardFormReceiverInfo\":{\"uniqueIds\":[\"ü-1\"]}}");
        assertThat(sentSign).isEqualTo(expectedSign("r-1", sentData));
    }

    @Test
    void asksForACardFormWithTheQueryAsData() throws InterruptedException {
        server.enqueue(answer(200, "{\"code\":0,\"message\":null,\"data\":{\"text\":\"{}\"}}"));

        CardFormQueryResult result = client.getCardForm("query-1", new CardFormQuery("u-1", "iphone",
                List.of(new CardFormLabel("country", "406"), new CardFormLabel("brand", "cy"))));

        String data = "{\"uniqueId\":\"u-1\",\"keyword\":\"iphone\",\"labels\":[{\"labelName\":\"country\","
                + "\"labelValue\":\"406\"},{\"labelName\":\"brand\",\"labelValue\":\"cy\"}]}";
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo(PREFIX + "/cardform/cmd/getCardForm");
        assertThat(request.getHeaders().get("Accept-Timezone")).isEqualTo("Asia/Riyadh");
        assertThat(request.getBody().utf8()).contains("\"requestId\":\"query-1\"", "\"data\":" + data + ",",
                "\"sign\":\"" + expectedSign("query-1", data) + "\"");
        assertNoSecretIn(request);
        assertThat(result.data()).isEqualTo("{\"text\":\"{}\"}");
    }

    @Test
    void sendsAndSignsAMissingOperatorIdAsEmpty() throws InterruptedException {
        client = CardFormFixture.client(new CardFormProperties(server.url("/").toString(), MINIAPP_ID, BIZ_ID, null,
                SECRET, "UTC"), waits);
        server.enqueue(success("[\"u-1\"]", "[]"));

        client.sendCardForm("r-1", new CardFormContent("{}", null, List.of()), List.of("u-1"));

        String data = "{\"text\":\"{}\",\"cardFormReceiverInfo\":{\"uniqueIds\":[\"u-1\"]}}";
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/cardform/cmd/sendCardForm");
        assertThat(request.getHeaders().get("Accept-Timezone")).isEqualTo("UTC");
        assertThat(request.getBody().utf8()).contains("\"operatorId\":\"\"", "\"sign\":\""
                + new CardFormSigner(SECRET).sign(new CardFormSignedFields("r-1", BIZ_ID, MINIAPP_ID, "", data,
                "1690180572312")) + "\"");
    }

    @Test
    void refusesBadRecipientsAndTextBeforeSendingAnything() {
        List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "u-" + i).toList();

        assertThatIllegalArgumentException().isThrownBy(() -> client.sendCardForm("r-1", content(), fiftyOne))
                .withMessageContaining("1 to 50");
        assertThatIllegalArgumentException().isThrownBy(() -> client.sendCardForm("r-1", content(), List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.sendCardForm("r-1", content(), Arrays.asList("u-1", null)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.sendCardForm("r-1", content(), List.of("u-1", "u-1")))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> client.sendCardForm(" ", content(), List.of("u-1")));
        assertThatIllegalArgumentException().isThrownBy(() -> client.sendCardForm("r-1",
                new CardFormContent("imageUrl=x", null, null), List.of("u-1"))).withMessageContaining("not JSON");
        assertThatIllegalArgumentException().isThrownBy(() -> client.sendCardForm("r-1",
                new CardFormContent("[1]", null, null), List.of("u-1"))).withMessageContaining("not a JSON object");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void acceptsExactlyFiftyRecipients() throws InterruptedException {
        List<String> fifty = new ArrayList<>(IntStream.range(0, 50).mapToObj(i -> "u-" + i).toList());
        server.enqueue(success("[]", "[]"));

        client.sendCardForm("r-1", content(), Collections.unmodifiableList(fifty));

        assertThat(server.takeRequest().getBody().utf8()).contains("\"u-0\",", "\"u-49\"]");
    }

    private static String expectedSign(String requestId, String data) {
        return new CardFormSigner(SECRET).sign(new CardFormSignedFields(requestId, BIZ_ID, MINIAPP_ID, OPERATOR_ID,
                data, "1690180572312"));
    }

    private static void assertNoSecretIn(RecordedRequest request) {
        assertThat(request.getTarget()).doesNotContain(SECRET);
        assertThat(request.getHeaders().toString()).doesNotContain(SECRET);
        assertThat(request.getBody().utf8()).doesNotContain(SECRET).doesNotContain("secretAccessKey");
    }
}
