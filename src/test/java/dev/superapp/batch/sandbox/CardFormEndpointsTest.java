package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.cardform.CardFormClient;
import dev.superapp.batch.platform.cardform.CardFormContent;
import dev.superapp.batch.platform.cardform.CardFormLabel;
import dev.superapp.batch.platform.cardform.CardFormQuery;
import dev.superapp.batch.platform.cardform.CardFormSendResult;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real card-form client against the sandbox: what is delivered, what is refused, and nobody gets a form twice. */
class CardFormEndpointsTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final CardFormContent SALE = new CardFormContent(
            "{\"imageUrl\":\"https://cdn.example/sale.png\",\"clickUrl\":\"launcherdlt://miniapp?appId="
                    + CardFormCaller.MINIAPP_ID + "&page=pages/index/index&query=\"}",
            "iphone", List.of(new CardFormLabel("country", "406")));

    private final SandboxServer sandbox = SandboxServer.start(SandboxCaller.settings()
            .withTimeoutHang(Duration.ofSeconds(2)));
    private final SandboxPlatform platform = sandbox.platform();
    private final CardFormClient client = CardFormCaller.client(sandbox, CardFormCaller.SECRET, READ_TIMEOUT);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void deliversAValidCardFormToEveryUniqueIdAndAnswersItBack() {
        CardFormSendResult result = client.sendCardForm("spring-sale-1", SALE, List.of("u-1", "u-2"));

        assertThat(result.successUniqueId()).containsExactly("u-1", "u-2");
        assertThat(result.errorUniqueId()).isEmpty();
        assertThat(platform.deliveries()).allSatisfy(delivery -> {
            assertThat(delivery.endpoint()).isEqualTo(OpenApiPaths.SEND_CARD_FORM);
            assertThat(delivery.requestId()).isEqualTo("spring-sale-1");
            assertThat(delivery.visible()).isTrue();
        }).extracting(Delivery::openId).containsExactly("u-1", "u-2");
        assertThat(client.getCardForm("q-1", new CardFormQuery("u-2", null, null)).data())
                .isEqualTo("{\"uniqueId\":\"u-2\",\"text\":" + quoted(SALE.text()) + "}");
        assertThat(client.getCardForm("q-2", new CardFormQuery("u-9", null, null)).data())
                .isEqualTo("{\"uniqueId\":\"u-9\",\"text\":null}");
    }

    @Test
    void refusesAWrongSecretWithCode10005WithoutRetryingOrDelivering() {
        CardFormClient wrongKey = CardFormCaller.client(sandbox, "not-the-key", READ_TIMEOUT);

        assertThatThrownBy(() -> wrongKey.sendCardForm("r-1", SALE, List.of("u-1")))
                .isInstanceOfSatisfying(PlatformRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(10005);
                    assertThat(e.getMessage()).contains("Signature exception").doesNotContain("not-the-key");
                });
        assertThat(platform.requestCount(OpenApiPaths.SEND_CARD_FORM)).isEqualTo(1);
        assertThat(platform.deliveries()).isEmpty();
    }

    @Test
    void refusesMoreThanFiftyUniqueIdsInTheClientBeforeSendingAnything() {
        List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "u-" + i).toList();

        assertThatIllegalArgumentException().isThrownBy(() -> client.sendCardForm("r-1", SALE, fiftyOne));
        assertThat(platform.requestCount(OpenApiPaths.SEND_CARD_FORM)).isZero();
    }

    @Test
    void answersARepeatedRequestIdAsBeforeAndDeliversNothingTwice() {
        platform.markUnknownUniqueIds(Set.of("u-3"));
        CardFormSendResult first = client.sendCardForm("chunk-1", SALE, List.of("u-1", "u-2", "u-3"));
        CardFormSendResult repeat = client.sendCardForm("chunk-1", SALE, List.of("u-1", "u-2", "u-3"));

        assertThat(repeat.successUniqueId()).isEqualTo(first.successUniqueId()).containsExactly("u-1", "u-2");
        assertThat(repeat.errorUniqueId()).isEqualTo(first.errorUniqueId()).containsExactly("u-3");
        assertThat(platform.deliveries()).extracting(Delivery::openId).containsExactly("u-1", "u-2");
        assertThat(platform.requestsCarrying("u-1")).isEqualTo(2);
        assertThat(platform.deliveryCount("u-1")).isEqualTo(1);
    }

    @Test
    void listsUnknownUniqueIdsInErrorUniqueIdWithoutDeliveringToThem() {
        platform.markUnknownUniqueIds(List.of("missing-7"));

        CardFormSendResult result = client.sendCardForm("r-1", SALE, List.of("u-1", "unknown-1", "missing-7", "u-2"));

        assertThat(result.successUniqueId()).containsExactly("u-1", "u-2");
        assertThat(result.errorUniqueId()).containsExactly("unknown-1", "missing-7");
        assertThat(platform.deliveryCount("missing-7")).isZero();
        assertThatThrownBy(() -> client.getCardForm("q-1", new CardFormQuery("unknown-1", null, null)))
                .isInstanceOfSatisfying(PlatformRejectedException.class, e -> assertThat(e.status()).isEqualTo(30001));
    }

    @Test
    void retriesThrottlingAndServerFaultsAndDeliversOnce() {
        platform.failNext(OpenApiPaths.SEND_CARD_FORM, 1, Fault.HTTP_429);
        platform.failNext(OpenApiPaths.SEND_CARD_FORM, 1, Fault.STATUS_500_IN_BODY);
        platform.failNext(OpenApiPaths.SEND_CARD_FORM, 1, Fault.HTTP_503);

        CardFormSendResult result = client.sendCardForm("r-1", SALE, List.of("u-1"));

        assertThat(result.successUniqueId()).containsExactly("u-1");
        assertThat(platform.requestCount(OpenApiPaths.SEND_CARD_FORM)).isEqualTo(4);
        assertThat(platform.deliveryCount("u-1")).isEqualTo(1);
    }

    @Test
    void resendsAfterATimeoutOnWhichThePlatformActedAndTheRecipientGetsTheFormOnce() {
        CardFormClient impatient = CardFormCaller.client(sandbox, CardFormCaller.SECRET, Duration.ofMillis(500));
        platform.failNext(OpenApiPaths.SEND_CARD_FORM, 1, Fault.TIMEOUT);

        CardFormSendResult result = impatient.sendCardForm("r-1", SALE, List.of("u-1", "u-2"));

        assertThat(result.successUniqueId()).containsExactly("u-1", "u-2");
        assertThat(platform.requestCount(OpenApiPaths.SEND_CARD_FORM)).isEqualTo(2);
        assertThat(platform.deliveryCount("u-1")).isEqualTo(1);
        assertThat(platform.deliveryCount("u-2")).isEqualTo(1);
    }

    @Test
    void aGarbledAnswerAfterActingIsRetriedWithTheSameRequestIdAndDeliversNothingTwice() {
        platform.failNext(OpenApiPaths.SEND_CARD_FORM, 1, Fault.MALFORMED_JSON);

        CardFormSendResult resent = client.sendCardForm("r-1", SALE, List.of("u-1"));

        assertThat(resent.successUniqueId()).containsExactly("u-1");
        assertThat(platform.requestCount(OpenApiPaths.SEND_CARD_FORM)).isEqualTo(2);
        assertThat(platform.deliveryCount("u-1")).isEqualTo(1);
    }

    @Test
    void acceptsOnlyTheCardFormItWasGiven() {
        SandboxCardForm own = new SandboxCardForm("mini-2", "form-2", "key-2");
        try (SandboxServer other = SandboxServer.start(SandboxCaller.settings().withCardForm(own))) {
            CardFormClient matching = CardFormCaller.client(other, own, READ_TIMEOUT);
            CardFormClient defaults = CardFormCaller.client(other, CardFormCaller.SECRET, READ_TIMEOUT);

            assertThat(matching.sendCardForm("r-1", SALE, List.of("u-1")).successUniqueId()).containsExactly("u-1");
            assertThatThrownBy(() -> defaults.sendCardForm("r-2", SALE, List.of("u-2")))
                    .isInstanceOfSatisfying(PlatformRejectedException.class,
                            e -> assertThat(e.status()).isEqualTo(20001));
            assertThat(other.platform().deliveries()).extracting(Delivery::openId).containsExactly("u-1");
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
