package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushEndpointsTest {

    private static final Map<String, String> NOTIFY = Map.of("notifyType", "1", "openIds", "alice,bob",
            "title", "Paid", "text", "Thanks", "navigateType", "2", "url", "https://merchant.example/order",
            "language", "en_US");
    private static final Map<String, String> ACTIVITY = Map.of("activityId", "spring-sale", "openIds", "alice,bob",
            "color", "FFFFFF", "templateId", "1", "title", "Spring sale", "text", "20% off",
            "iconUrl", "https://cdn.example/i.png", "status", "1", "validityTime", "86400", "language", "en_US");

    private final SandboxServer sandbox = SandboxServer.start(SandboxCaller.settings());
    private final SandboxPlatform platform = sandbox.platform();
    private final SandboxCaller caller = new SandboxCaller(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"notifyType", "openIds", "title", "text", "navigateType", "language", "url"})
    void notifyRefusesAMissingRequiredFieldWithStatus400AndDeliversNothing(String field) {
        SandboxCaller.Reply reply = caller.post(OpenApiPaths.SEND_NOTIFY, without(NOTIFY, field));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.msg()).contains(field);
        assertThat(platform.deliveries()).isEmpty();
    }

    @Test
    void notifyNeedsNoUrlWhenItNavigatesInsideTheMiniApp() {
        Map<String, String> miniApp = without(NOTIFY, "url");
        miniApp.put("navigateType", "1");

        assertThat(caller.post(OpenApiPaths.SEND_NOTIFY, miniApp).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"activityId", "openIds", "color", "templateId", "title", "text", "iconUrl", "status",
            "validityTime", "language"})
    void activityRefusesAMissingRequiredFieldWithStatus400AndDeliversNothing(String field) {
        SandboxCaller.Reply reply = caller.post(OpenApiPaths.SEND_ACTIVITY, without(ACTIVITY, field));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.msg()).contains(field);
        assertThat(platform.deliveries()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {OpenApiPaths.SEND_NOTIFY, OpenApiPaths.SEND_ACTIVITY})
    void refusesMoreThanFiftyOpenIdsButTakesFifty(String endpoint) {
        Map<String, String> push = new HashMap<>(endpoint.equals(OpenApiPaths.SEND_NOTIFY) ? NOTIFY : ACTIVITY);

        push.put("openIds", openIds(51));
        SandboxCaller.Reply tooMany = caller.post(endpoint, push);
        push.put("openIds", openIds(50));
        SandboxCaller.Reply fifty = caller.post(endpoint, push);

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.msg()).contains("at most 50");
        assertThat(fifty.status()).isEqualTo(200);
        assertThat(fifty.response().asBoolean()).isTrue();
        assertThat(platform.deliveries()).hasSize(50);
    }

    @Test
    void notifyDeliversEveryRequestAgainBecauseThePlatformDoesNotDeduplicateIt() {
        caller.post(OpenApiPaths.SEND_NOTIFY, NOTIFY);
        caller.post(OpenApiPaths.SEND_NOTIFY, NOTIFY);

        assertThat(platform.deliveryCount("alice")).isEqualTo(2);
        assertThat(platform.deliveries()).hasSize(4).allSatisfy(delivery -> {
            assertThat(delivery.endpoint()).isEqualTo(OpenApiPaths.SEND_NOTIFY);
            assertThat(delivery.activityId()).isNull();
            assertThat(delivery.time()).isNotNull();
        });
    }

    @Test
    void activityShowsACardOncePerActivityIdAndRecipient() {
        caller.post(OpenApiPaths.SEND_ACTIVITY, ACTIVITY);
        Map<String, String> resent = new HashMap<>(ACTIVITY);
        resent.put("openIds", "bob,carol");
        SandboxCaller.Reply reply = caller.post(OpenApiPaths.SEND_ACTIVITY, resent);

        assertThat(reply.response().asBoolean()).isTrue();
        assertThat(platform.deliveries()).extracting(Delivery::openId).containsExactly("alice", "bob", "carol");
        assertThat(platform.deliveryCount("bob")).isEqualTo(1);
    }

    @Test
    void activityWithStatusZeroWithdrawsTheCardAndIsRecorded() {
        caller.post(OpenApiPaths.SEND_ACTIVITY, ACTIVITY);
        Map<String, String> withdrawal = new HashMap<>(ACTIVITY);
        withdrawal.put("openIds", "alice");
        withdrawal.put("status", "0");
        caller.post(OpenApiPaths.SEND_ACTIVITY, withdrawal);

        Delivery last = platform.deliveries().get(2);
        assertThat(last.openId()).isEqualTo("alice");
        assertThat(last.activityId()).isEqualTo("spring-sale");
        assertThat(last.status()).isZero();
        assertThat(last.visible()).isFalse();
        assertThat(platform.deliveryCount("alice")).isEqualTo(1);
    }

    private static Map<String, String> without(Map<String, String> params, String field) {
        Map<String, String> copy = new HashMap<>(params);
        copy.remove(field);
        return copy;
    }

    private static String openIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> "open-" + i).collect(Collectors.joining(","));
    }
}
