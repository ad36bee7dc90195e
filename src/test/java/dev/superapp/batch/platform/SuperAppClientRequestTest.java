package dev.superapp.batch.platform;

import static dev.superapp.batch.platform.SuperAppFixture.SECRET;
import static dev.superapp.batch.platform.SuperAppFixture.detailJson;
import static dev.superapp.batch.platform.SuperAppFixture.ok;
import static dev.superapp.batch.platform.SuperAppFixture.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes on the wire: exact targets and bodies, signatures computed independently, no secret. */
class SuperAppClientRequestTest {

    // Sorted by hand: appid < secret < timestamp < tradeNo.
    private static final String TRADE_SIGN = sha256Hex(
            "appid=mini-app-7" + "secret=" + SECRET + "timestamp=1685608097842" + "tradeNo=T-1001");

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private SuperAppClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = SuperAppFixture.client(server, time);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asksForTradeDetailWithASignedQueryString() throws InterruptedException {
        server.enqueue(ok(detailJson("T-1001", 2)));

        client.tradeDetail("T-1001");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/neuopenapi/pay/transactions/tradedetail"
                + "?tradeNo=T-1001&appid=mini-app-7&timestamp=1685608097842&sign=" + TRADE_SIGN);
        assertThat(request.getBodySize()).isZero();
        assertNoSecretIn(request);
    }

    @Test
    void closesATradeWithASignedFormBody() throws InterruptedException {
        server.enqueue(ok("true"));

        client.tradeClose("T-1001");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/neuopenapi/pay/transactions/tradeclose");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.getBody().utf8())
                .isEqualTo("tradeNo=T-1001&appid=mini-app-7&timestamp=1685608097842&sign=" + TRADE_SIGN);
        assertNoSecretIn(request);
    }

    @Test
    void sendsANotificationWithRecipientsJoinedAndAMissingLinkAsEmpty() throws InterruptedException {
        server.enqueue(ok("true"));

        client.sendNotify(new NotifyMessage(1, "Paid", "Thanks for your order", "2",
                "https://shop.example/orders?id=7", null, "en_US"), List.of("o-1", "o-2"));

        // Sorted by hand: navigateType < notifyType; text < timestamp < title.
        String sign = sha256Hex("appid=mini-app-7" + "language=en_US" + "link=" + "navigateType=2" + "notifyType=1"
                + "openIds=o-1,o-2" + "secret=" + SECRET + "text=Thanks for your order" + "timestamp=1685608097842"
                + "title=Paid" + "url=https://shop.example/orders?id=7");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/neuopenapi/notify/sendNotify");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.getBody().utf8()).isEqualTo("notifyType=1&title=Paid&text=Thanks+for+your+order"
                + "&navigateType=2&url=https%3A%2F%2Fshop.example%2Forders%3Fid%3D7&link=&language=en_US"
                + "&openIds=o-1%2Co-2&appid=mini-app-7&timestamp=1685608097842&sign=" + sign);
        assertNoSecretIn(request);
    }

    @Test
    void sendsAnActivityCardWithASignedFormBody() throws InterruptedException {
        server.enqueue(ok("true"));

        client.sendActivity(new ActivityMessage("spring-sale-2026", "1", "FFFFFF", "Spring sale", "20% off",
                "https://cdn.example/i.png", "pages/index/index", 1, 86400, "en_US"), List.of("o-1"));

        // Sorted by hand: activityId < appid; secret < status; templateId < text < timestamp < title.
        String sign = sha256Hex("activityId=spring-sale-2026" + "appid=mini-app-7" + "color=FFFFFF"
                + "iconUrl=https://cdn.example/i.png" + "language=en_US" + "openIds=o-1" + "path=pages/index/index"
                + "secret=" + SECRET + "status=1" + "templateId=1" + "text=20% off" + "timestamp=1685608097842"
                + "title=Spring sale" + "validityTime=86400");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/neuopenapi/activity/sendActivity");
        assertThat(request.getBody().utf8()).isEqualTo("activityId=spring-sale-2026&templateId=1&color=FFFFFF"
                + "&title=Spring+sale&text=20%25+off&iconUrl=https%3A%2F%2Fcdn.example%2Fi.png"
                + "&path=pages%2Findex%2Findex&status=1&validityTime=86400&language=en_US"
                + "&openIds=o-1&appid=mini-app-7&timestamp=1685608097842&sign=" + sign);
        assertNoSecretIn(request);
    }

    @Test
    void refusesPushesWithoutRecipientsOrWithMoreThanFiftyBeforeSendingAnything() {
        NotifyMessage message = new NotifyMessage(1, "t", "x", "1", null, null, "en_US");

        assertThatIllegalArgumentException().isThrownBy(() -> client.sendNotify(message, List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.sendNotify(message, Collections.nCopies(51, "o-1")))
                .withMessageContaining("1 to 50");
        assertThatIllegalArgumentException().isThrownBy(() -> client.sendNotify(message, List.of("o-1,o-2")));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void acceptsExactlyFiftyRecipients() throws InterruptedException {
        server.enqueue(ok("true"));

        client.sendNotify(new NotifyMessage(1, "t", "x", "1", null, null, "en_US"), Collections.nCopies(50, "o"));

        assertThat(server.takeRequest().getBody().utf8()).contains("openIds=o" + "%2Co".repeat(49) + "&");
    }

    private static void assertNoSecretIn(RecordedRequest request) {
        assertThat(request.getTarget()).doesNotContain(SECRET);
        assertThat(request.getHeaders().toString()).doesNotContain(SECRET);
        if (request.getBody() != null) {
            assertThat(request.getBody().utf8()).doesNotContain(SECRET).doesNotContain("secret");
        }
    }
}
