package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TradeEndpointsTest {

    private final SandboxServer sandbox = SandboxServer.start(SandboxCaller.settings());
    private final SandboxPlatform platform = sandbox.platform();
    private final SandboxCaller caller = new SandboxCaller(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void answersStatus404ForATradeItDoesNotKnow() {
        SandboxCaller.Reply reply = detail("no-such-trade");

        assertThat(reply.httpCode()).isEqualTo(200);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.response().isNull()).isTrue();
    }

    @Test
    void answersStatus400WhenTheTradeNoIsMissing() {
        SandboxCaller.Reply reply = caller.get(OpenApiPaths.TRADE_DETAIL, Map.of());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.msg()).contains("tradeNo");
    }

    @Test
    void tradeDetailAnswersTheFieldsOfTheSeed() {
        platform.addTrade(SandboxTrade.scripted("T1", "ORD-1", "open-1", 1999, "SAR", CloseBehaviour.CLOSES, 2));

        SandboxCaller.Reply reply = detail("T1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().path("tradeNo").asString()).isEqualTo("T1");
        assertThat(reply.response().path("outTradeNo").asString()).isEqualTo("ORD-1");
        assertThat(reply.response().path("openId").asString()).isEqualTo("open-1");
        assertThat(reply.response().path("amount").asLong()).isEqualTo(1999);
        assertThat(reply.response().path("amountStrWithYuan").asString()).isEqualTo("19.99");
        assertThat(reply.response().path("currency").asString()).isEqualTo("SAR");
        assertThat(reply.response().path("appId").asString()).isEqualTo(SandboxCaller.APP_ID);
        assertThat(reply.response().path("transactionStatus").asInt()).isEqualTo(2);
        assertThat(reply.response().path("ctime").asLong()).isPositive();
        assertThat(reply.response().has("mtime")).isTrue();
    }

    @Test
    void scriptedStatusesAdvanceOneStepPerReadAndTheLastOneRepeats() {
        platform.addTrade(SandboxTrade.scripted("T1", "ORD-1", "open-1", 100, "USD", CloseBehaviour.CLOSES, 1, 1, 2));

        assertThat(IntStream.range(0, 4).map(read -> detail("T1").response().path("transactionStatus").asInt()))
                .containsExactly(1, 1, 2, 2);
        assertThat(platform.detailReads("T1")).isEqualTo(4);
    }

    @Test
    void closingAProcessingTradeAnswersTrueAndTheTradeBecomesClosed() {
        platform.addTrade(SandboxTrade.scripted("T1", "ORD-1", "open-1", 100, "USD", CloseBehaviour.CLOSES, 1));

        SandboxCaller.Reply closed = close("T1");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.response().asBoolean()).isTrue();
        assertThat(detail("T1").response().path("transactionStatus").asInt()).isEqualTo(6);
        assertThat(platform.closeCalls("T1")).isEqualTo(1);
    }

    @Test
    void aCustomerPayingWhileWeCloseMakesCloseAnswerFalseAndTheTradeSucceeded() {
        platform.addTrade(SandboxTrade.scripted("T1", "ORD-1", "open-1", 100, "USD",
                CloseBehaviour.PAID_WHILE_CLOSING, 1));

        SandboxCaller.Reply closed = close("T1");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.response().asBoolean()).isFalse();
        assertThat(detail("T1").response().path("transactionStatus").asInt()).isEqualTo(2);
    }

    @Test
    void aLaggingCloseAnswersTrueWhileTheNextReadStillSaysProcessingAndTheOneAfterClosed() {
        platform.addTrade(SandboxTrade.scripted("T1", "ORD-1", "open-1", 100, "USD", CloseBehaviour.CLOSES_LATE, 1));

        boolean closed = close("T1").response().asBoolean();

        assertThat(closed).isTrue();
        assertThat(IntStream.range(0, 3).map(read -> detail("T1").response().path("transactionStatus").asInt()))
                .containsExactly(1, 6, 6);
        assertThat(platform.closeCalls("T1")).isEqualTo(1);
    }

    @Test
    void closingATerminalTradeAnswersFalseAndLeavesItAsItIs() {
        platform.addTrade(SandboxTrade.scripted("T1", "ORD-1", "open-1", 100, "USD", CloseBehaviour.CLOSES, 3));
        platform.addTrade(SandboxTrade.scripted("T2", "ORD-2", "open-2", 100, "USD", CloseBehaviour.CLOSES, 1));

        boolean failedTradeClosed = close("T1").response().asBoolean();
        boolean firstClose = close("T2").response().asBoolean();
        boolean secondClose = close("T2").response().asBoolean();

        assertThat(failedTradeClosed).isFalse();
        assertThat(platform.transactionStatus("T1")).isEqualTo(3);
        assertThat(firstClose).isTrue();
        assertThat(secondClose).isFalse();
        assertThat(platform.transactionStatus("T2")).isEqualTo(6);
        assertThat(platform.closeCalls("T2")).isEqualTo(2);
    }

    @Test
    void tradeCloseTakesItsParametersFromTheQueryStringToo() {
        platform.addTrade(SandboxTrade.scripted("T1", "ORD-1", "open-1", 100, "USD", CloseBehaviour.CLOSES, 1));

        SandboxCaller.Reply closed = caller.postInQuery(OpenApiPaths.TRADE_CLOSE, Map.of("tradeNo", "T1"));

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.response().asBoolean()).isTrue();
    }

    @Test
    void aCreatedTradeIsProcessingUntilClosed() {
        SandboxCaller.Reply created = caller.post(OpenApiPaths.TRADE, Map.of("outTradeNo", "ORD-9",
                "notifyUrl", "https://merchant.example/notify", "amount", "100", "currency", "USD", "openId", "open-9"));
        String tradeNo = created.response().path("tradeNo").asString();

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.response().path("outTradeNo").asString()).isEqualTo("ORD-9");
        assertThat(detail(tradeNo).response().path("transactionStatus").asInt()).isEqualTo(1);
        assertThat(close(tradeNo).response().asBoolean()).isTrue();
    }

    @Test
    void tradeRefusesAMissingAmountAndARepeatedOutTradeNoWithStatus400() {
        Map<String, String> order = Map.of("outTradeNo", "ORD-9", "notifyUrl", "https://merchant.example/notify",
                "amount", "100", "currency", "USD", "openId", "open-9");
        Map<String, String> withoutAmount = new HashMap<>(order);
        withoutAmount.remove("amount");

        SandboxCaller.Reply missing = caller.post(OpenApiPaths.TRADE, withoutAmount);
        caller.post(OpenApiPaths.TRADE, order);
        SandboxCaller.Reply repeated = caller.post(OpenApiPaths.TRADE, order);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.msg()).contains("amount");
        assertThat(repeated.status()).isEqualTo(400);
    }

    @Test
    void aFailingTradeAlwaysAnswersHttp500AndCountsNoReadOrClose() {
        platform.addTrade(SandboxTrade.failing("T1", "ORD-1", "open-1", 100, "USD"));

        SandboxCaller.Reply read = detail("T1");
        SandboxCaller.Reply closed = close("T1");

        assertThat(read.httpCode()).isEqualTo(500);
        assertThat(closed.httpCode()).isEqualTo(500);
        assertThat(platform.detailReads("T1")).isZero();
        assertThat(platform.closeCalls("T1")).isZero();
        assertThat(platform.requestCount(OpenApiPaths.TRADE_DETAIL)).isEqualTo(1);
    }

    private SandboxCaller.Reply detail(String tradeNo) {
        return caller.get(OpenApiPaths.TRADE_DETAIL, Map.of("tradeNo", tradeNo));
    }

    private SandboxCaller.Reply close(String tradeNo) {
        return caller.post(OpenApiPaths.TRADE_CLOSE, Map.of("tradeNo", tradeNo));
    }
}
