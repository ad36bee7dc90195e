package dev.superapp.batch.campaign.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.platform.cardform.CardFormSignedFields;
import dev.superapp.batch.platform.cardform.CardFormSigner;
import dev.superapp.batch.sandbox.SandboxCardForm;
import dev.superapp.batch.testing.TestSandbox;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The card form's callback moves the recipients of its request, and only a genuine callback does. */
@SpringBootTest
abstract class CardFormCallbackContract {

    @Autowired CardFormCallbackHandler handler;
    @Autowired JdbcClient jdbc;

    private final CardFormSigner signer = new CardFormSigner(TestSandbox.SECRET);
    private final String campaign = "cb-" + UUID.randomUUID().toString().substring(0, 8);
    private final String requestId = campaign + "-1";

    @BeforeEach
    void stageARequestOfThreeRecipients() {
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql("INSERT INTO campaign (campaign_id, channel, definition, audience_path, status, request_nonce,"
                + " created_at, updated_at) VALUES (?, 'CARDFORM', '{}', 'a.csv', 'REGISTERED', '0a1b2c3d', ?, ?)").params(campaign, now, now).update();
        jdbc.sql("INSERT INTO campaign_request (campaign_id, chunk_no, request_id, state, recipients, created_at, updated_at)"
                + " VALUES (?, 1, ?, 'IN_FLIGHT', 3, ?, ?)").params(campaign, requestId, now, now).update();
        for (int line = 2; line <= 4; line++) {
            jdbc.sql("INSERT INTO campaign_recipient (campaign_id, line_no, recipient_id, state, send_key, chunk_no, request_id)"
                    + " VALUES (?, ?, ?, 'PENDING', ?, 1, ?)").params(campaign, line, "u" + line, "u" + line, requestId)
                    .update();
        }
    }

    @Test
    void marksListedRecipientsSentOrRejectedAndLeavesTheOthers() {
        CardFormCallbackHandler.Reply reply = handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID,
                "{\"code\":0,\"message\":\"success\",\"data\":{\"successUniqueId\":[\"u2\"],\"errorUniqueId\":[\"u3\"]}}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("updated 2 recipient(s)");
        assertThat(stateOf("u2")).isEqualTo("SENT|null");
        assertThat(stateOf("u3")).isEqualTo("REJECTED|listed as failed by the card form's callback");
        assertThat(stateOf("u4")).isEqualTo("PENDING|null");
    }

    @Test
    void rejectsEveryRecipientWhenTheCallbackRefusesTheRequest() {
        CardFormCallbackHandler.Reply reply = handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID,
                "{\"code\":\"10005\",\"message\":\"bad deeplink\",\"data\":null}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(stateOf("u2")).isEqualTo("REJECTED|the card form's callback refused the request: code 10005 bad deeplink");
        assertThat(stateOf("u4")).startsWith("REJECTED|");
    }

    @Test
    void keepsALongRefusalMessageWithinTheDetailColumn() {
        String longMessage = "x".repeat(1000);

        CardFormCallbackHandler.Reply reply = handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID,
                "{\"code\":10004,\"message\":\"" + longMessage + "\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(stateOf("u2")).startsWith("REJECTED|the card form's callback refused the request: code 10004 xxx")
                .endsWith("...").hasSizeLessThan(500);
    }

    @Test
    void verifiesTheSignOverReturnInfoExactlyAsReceived() {
        String spaced = "{ \"code\" : 0, \"data\" : { \"successUniqueId\" : [ \"u4\" ] } }";

        assertThat(handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID, spaced)).status()).isEqualTo(200);
        assertThat(stateOf("u4")).isEqualTo("SENT|null");
    }

    @Test
    void changesNothingForATamperedCallbackOrAnotherCardForm() {
        String signedInfo = "{\"code\":0,\"data\":{\"successUniqueId\":[\"u2\"]}}";
        String tampered = callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID, signedInfo)
                .replace("\"successUniqueId\":[\"u2\"]", "\"successUniqueId\":[\"u2\",\"u3\"]");

        assertThat(handler.handle(tampered).status()).isEqualTo(401);
        assertThat(handler.handle(callback(requestId, "another-form", signedInfo)).status()).isEqualTo(401);
        assertThat(stateOf("u2")).isEqualTo("PENDING|null");
        assertThat(stateOf("u3")).isEqualTo("PENDING|null");
    }

    @Test
    void answersUnknownRequestsAndBadBodiesWithoutTouchingRecipients() {
        assertThat(handler.handle(callback("no-such-request", SandboxCardForm.DEFAULT_BIZ_ID, "{\"code\":0}")).status())
                .isEqualTo(404);
        assertThat(handler.handle("not json").status()).isEqualTo(400);
        assertThat(handler.handle("{\"requestId\":\"" + requestId + "\"}").body()).contains("no returInfo");
        assertThat(stateOf("u2")).isEqualTo("PENDING|null");
    }

    private String callback(String request, String bizId, String returInfo) {
        String timeStamp = "1690180572312";
        String sign = signer.sign(new CardFormSignedFields(request, bizId, TestSandbox.APP_ID, "", returInfo, timeStamp));
        return "{\"requestId\":\"" + request + "\",\"bizId\":\"" + bizId + "\",\"miniappId\":\"" + TestSandbox.APP_ID
                + "\",\"operatorId\":\"\",\"timeStamp\":\"" + timeStamp + "\",\"returInfo\":" + returInfo
                + ",\"sign\":\"" + sign + "\"}";
    }

    private String stateOf(String recipient) {
        return jdbc.sql("SELECT state, detail FROM campaign_recipient WHERE campaign_id = ? AND recipient_id = ?")
                .params(campaign, recipient).query((rs, row) -> rs.getString(1) + "|" + rs.getString(2)).single();
    }
}
