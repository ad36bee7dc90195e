package dev.superapp.batch.campaign.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignPushContract;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.sending.PushAnswer;
import dev.superapp.batch.campaign.sending.PushRequest;
import dev.superapp.batch.campaign.sending.PushRequestStore;
import dev.superapp.batch.campaign.sending.PushResult;
import dev.superapp.batch.platform.cardform.CardFormSignedFields;
import dev.superapp.batch.platform.cardform.CardFormSigner;
import dev.superapp.batch.sandbox.SandboxCardForm;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The card form's callback moves the recipients of its request, and only a genuine, fresh callback does: once, in
 * the order the platform wrote them, over the synchronous answer, and into a report already written.
 */
@SpringBootTest
abstract class CardFormCallbackContract {

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired CardFormCallbackHandler handler;
    @Autowired PushRequestStore pushRequests;
    @Autowired RecipientStore recipients;
    @Autowired CampaignLauncher launcher;
    @Autowired CampaignDefinitionParser parser;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void reports(DynamicPropertyRegistry registry) {
        registry.add("reports.dir", () -> reportsDir.toString());
    }

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

    @Test
    void theSameCallbackDeliveredAgainIsAnswered200AndChangesNothing() {
        String first = callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID,
                "{\"code\":0,\"data\":{\"successUniqueId\":[\"u2\"]}}", System.currentTimeMillis() - 1000);
        assertThat(handler.handle(first).body()).contains("updated 1 recipient(s)");
        assertThat(handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID,
                "{\"code\":0,\"data\":{\"errorUniqueId\":[\"u2\"]}}")).status()).isEqualTo(200);

        CardFormCallbackHandler.Reply replay = handler.handle(first);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).contains("already applied; nothing changed");
        assertThat(stateOf("u2")).isEqualTo("REJECTED|listed as failed by the card form's callback");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_callback WHERE request_id = ?").param(requestId)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anOlderCallbackArrivingLateCannotOverwriteANewerOne() {
        long now = System.currentTimeMillis();
        handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID,
                "{\"code\":0,\"data\":{\"errorUniqueId\":[\"u2\"]}}", now));

        CardFormCallbackHandler.Reply older = handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID,
                "{\"code\":0,\"data\":{\"successUniqueId\":[\"u2\",\"u3\"]}}", now - 60_000));

        assertThat(older.body()).contains("updated 1 recipient(s)");
        assertThat(stateOf("u2")).startsWith("REJECTED|");
        assertThat(stateOf("u3")).isEqualTo("SENT|null");
    }

    @Test
    void theCallbackOutranksTheSynchronousAnswerRecordedAfterIt() {
        handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID,
                "{\"code\":0,\"data\":{\"errorUniqueId\":[\"u2\"]}}"));

        PushRequest request = new PushRequest(campaign, 1, requestId, recipients.ofChunk(campaign, 1), false);
        pushRequests.recordAnswer(new PushResult(request, PushAnswer.acknowledged(Set.of(), "{\"code\":0}")), Channel.CARDFORM);

        assertThat(stateOf("u2")).startsWith("REJECTED|");
        assertThat(stateOf("u3")).isEqualTo("SENT|null");
    }

    @Test
    void refusesATimeStampMoreThanFiveMinutesFromOurClockEitherWay() {
        String info = "{\"code\":0,\"data\":{\"successUniqueId\":[\"u2\"]}}";
        long now = System.currentTimeMillis();

        assertThat(handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID, info, now - 6 * 60_000)).status())
                .isEqualTo(401);
        assertThat(handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID, info, now + 6 * 60_000)).body())
                .contains("within 5 minutes");
        assertThat(stateOf("u2")).isEqualTo("PENDING|null");
        assertThat(handler.handle(callback(requestId, SandboxCardForm.DEFAULT_BIZ_ID, info, now - 4 * 60_000)).status())
                .isEqualTo(200);
    }

    @Test
    void aCallbackAfterTheReportWasWrittenBringsTheReportUpToDate() throws Exception {
        String card = campaign + "-late";
        Path audience = Files.writeString(dir.resolve("late.csv"), "unique_id\nx1\nx2\n", StandardCharsets.UTF_8);
        PushRun run = launcher.push(parser.parse(AudienceFiles.campaign(dir, card, """
                campaign: %s
                channel: cardform
                audience: %s
                cardform:
                  text: {imageUrl: "https://cdn.example/c.jpg", clickUrl: "launcherdlt://miniapp?appId=1&page=pages/index/index&query=a%%3D1"}
                  keyword: iphone
                """.formatted(card, audience.getFileName()))));
        assertThat(CampaignPushContract.report(run.report())).extracting(row -> row[2]).containsExactly("SENT", "SENT");
        String sent = jdbc.sql("SELECT request_id FROM campaign_recipient WHERE campaign_id = ? AND recipient_id = 'x2'")
                .param(card).query(String.class).single();

        handler.handle(callback(sent, SandboxCardForm.DEFAULT_BIZ_ID, "{\"code\":0,\"data\":{\"errorUniqueId\":[\"x2\"]}}"));

        assertThat(CampaignPushContract.report(run.report())).extracting(row -> row[1] + ":" + row[2])
                .containsExactly("x1:SENT", "x2:REJECTED");
        assertThat(Files.readString(run.summaryFile())).contains("REJECTED,1").contains("SENT,1");
    }

    private String callback(String request, String bizId, String returInfo) {
        return callback(request, bizId, returInfo, System.currentTimeMillis());
    }

    private String callback(String request, String bizId, String returInfo, long timeStampMillis) {
        String timeStamp = String.valueOf(timeStampMillis);
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
