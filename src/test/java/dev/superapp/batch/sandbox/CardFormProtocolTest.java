package dev.superapp.batch.sandbox;

import static dev.superapp.batch.sandbox.CardFormCaller.body;
import static dev.superapp.batch.sandbox.CardFormCaller.sendData;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The card form over raw HTTP: what the sandbox checks and how it refuses requests that no good client sends. */
class CardFormProtocolTest {

    private final SandboxServer sandbox = SandboxServer.start(SandboxCaller.settings());
    private final SandboxPlatform platform = sandbox.platform();
    private final CardFormCaller caller = new CardFormCaller(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void verifiesTheSignOverTheDataTextExactlyAsSentWhateverItsSpacing() {
        String spaced = "{ \"text\" : \"{}\" ,\n  \"cardFormReceiverInfo\" : { \"uniqueIds\" : [ \"u-1\" ] } }";

        CardFormCaller.Reply reply = caller.post(OpenApiPaths.SEND_CARD_FORM, body("r-1", spaced));

        assertThat(reply.httpCode()).isEqualTo(200);
        assertThat(reply.code().isNumber()).isTrue();
        assertThat(reply.code().asInt()).isZero();
        assertThat(reply.data().path("successUniqueId").get(0).asString()).isEqualTo("u-1");
        assertThat(platform.deliveries()).extracting(Delivery::openId).containsExactly("u-1");
    }

    @Test
    void refusesASignOverAnotherSerializationOfTheSameDataWith10005() {
        String compact = "{\"text\":\"{}\",\"cardFormReceiverInfo\":{\"uniqueIds\":[\"u-1\"]}}";
        String spaced = "{\"text\": \"{}\", \"cardFormReceiverInfo\": {\"uniqueIds\": [\"u-1\"]}}";

        CardFormCaller.Reply reply = caller.post(OpenApiPaths.SEND_CARD_FORM, body("r-1", spaced, compact));

        assertThat(reply.code().asInt()).isEqualTo(10005);
        assertThat(reply.message()).isEqualTo("Signature exception: sign is missing or does not match the request");
        assertThat(platform.deliveries()).isEmpty();
    }

    @Test
    void refusesTamperedRecipientsWith10005AndNeverShowsTheSecretOrTheExpectedSign() {
        String signed = sendData("[\"u-1\"]");
        String tampered = sendData("[\"u-1\",\"u-2\"]");

        CardFormCaller.Reply reply = caller.post(OpenApiPaths.SEND_CARD_FORM, body("r-1", tampered, signed));

        assertThat(reply.code().asInt()).isEqualTo(10005);
        assertThat(reply.body()).doesNotContain(CardFormCaller.SECRET)
                .doesNotContain(body("r-1", tampered).substring(body("r-1", tampered).indexOf("\"sign\"")));
        assertThat(platform.deliveries()).isEmpty();
    }

    @Test
    void refusesARequestWithoutATimeZoneHeader() {
        CardFormCaller.Reply reply = caller.call(caller.request(OpenApiPaths.SEND_CARD_FORM)
                .post(RequestBody.create(body("r-1", sendData("[\"u-1\"]")), MediaType.get("application/json")))
                .build());

        assertThat(reply.code().asInt()).isEqualTo(20009);
        assertThat(reply.message()).contains("Accept-Timezone");
        assertThat(platform.deliveries()).isEmpty();
    }

    @Test
    void refusesMissingDataWith20007AndBodiesThatAreNotJsonWith10004() {
        String noData = "{\"requestId\":\"r-1\",\"bizId\":\"" + CardFormCaller.BIZ_ID + "\",\"sign\":\"00\"}";

        assertThat(caller.post(OpenApiPaths.SEND_CARD_FORM, noData).code().asInt()).isEqualTo(20007);
        assertThat(caller.post(OpenApiPaths.SEND_CARD_FORM, "requestId=r-1").code().asInt()).isEqualTo(10004);
        assertThat(caller.post(OpenApiPaths.SEND_CARD_FORM, "{\"data\":{},\"data\":{}}").code().asInt())
                .isEqualTo(10004);
        String textNotJson = "{\"text\":\"imageUrl=x\",\"cardFormReceiverInfo\":{\"uniqueIds\":[\"u-1\"]}}";
        assertThat(caller.post(OpenApiPaths.SEND_CARD_FORM, body("r-1", textNotJson)).code().asInt()).isEqualTo(10004);
        assertThat(platform.deliveries()).isEmpty();
    }

    @Test
    void refusesMoreThanFiftyUniqueIdsWith20008ButTakesFifty() {
        CardFormCaller.Reply tooMany = caller.post(OpenApiPaths.SEND_CARD_FORM, body("r-51", sendData(ids(51))));
        CardFormCaller.Reply fifty = caller.post(OpenApiPaths.SEND_CARD_FORM, body("r-50", sendData(ids(50))));

        assertThat(tooMany.code().asInt()).isEqualTo(20008);
        assertThat(tooMany.message()).contains("at most 50");
        assertThat(fifty.code().asInt()).isZero();
        assertThat(platform.deliveries()).hasSize(50);
    }

    @Test
    void refusesAnotherFormOrMiniProgram() {
        String data = sendData("[\"u-1\"]");
        String otherForm = body("r-1", data).replace(CardFormCaller.BIZ_ID, "another-form");
        String otherMiniApp = body("r-1", data).replace("\"miniappId\":\"" + CardFormCaller.MINIAPP_ID,
                "\"miniappId\":\"another-app");

        assertThat(caller.post(OpenApiPaths.SEND_CARD_FORM, otherForm).code().asInt()).isEqualTo(20001);
        assertThat(caller.post(OpenApiPaths.SEND_CARD_FORM, otherMiniApp).code().asInt()).isEqualTo(20002);
    }

    @Test
    void answersThrottlingAsCodeTwoInAnHttp200AndTheFaultInTheBodyAsTheText00002() {
        platform.failNext(OpenApiPaths.SEND_CARD_FORM, 1, Fault.HTTP_429);
        platform.failNext(OpenApiPaths.SEND_CARD_FORM, 1, Fault.STATUS_500_IN_BODY);

        CardFormCaller.Reply throttled = caller.post(OpenApiPaths.SEND_CARD_FORM, body("r-1", sendData("[\"u-1\"]")));
        CardFormCaller.Reply asText = caller.post(OpenApiPaths.SEND_CARD_FORM, body("r-1", sendData("[\"u-1\"]")));

        assertThat(throttled.httpCode()).isEqualTo(200);
        assertThat(throttled.code().isNumber()).isTrue();
        assertThat(throttled.code().asInt()).isEqualTo(2);
        assertThat(asText.code().isString()).isTrue();
        assertThat(asText.code().asString()).isEqualTo("00002");
        assertThat(platform.deliveries()).isEmpty();
    }

    @Test
    void answersOverCapacityWithCodeTwo() {
        try (SandboxServer slow = SandboxServer.start(SandboxCaller.settings().withCapacityPerSecond(1))) {
            CardFormCaller slowCaller = new CardFormCaller(slow);

            String path = OpenApiPaths.SEND_CARD_FORM;
            CardFormCaller.Reply first = slowCaller.post(path, body("r-1", sendData("[\"u-1\"]")));
            CardFormCaller.Reply second = slowCaller.post(path, body("r-2", sendData("[\"u-2\"]")));

            assertThat(first.code().asInt()).isZero();
            assertThat(second.httpCode()).isEqualTo(200);
            assertThat(second.code().asInt()).isEqualTo(2);
            assertThat(slow.platform().deliveries()).extracting(Delivery::openId).containsExactly("u-1");
        }
    }

    @Test
    void takesOnlyPost() {
        CardFormCaller.Reply reply = caller.call(caller.request(OpenApiPaths.GET_CARD_FORM).get().build());

        assertThat(reply.httpCode()).isEqualTo(405);
    }

    private static String ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"u-" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
