package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.platform.TradeDetail;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderClassifierTest {

    private final PendingOrder order = new PendingOrder(1, "ORD-1", "T-1", "open-1", 1000, "USD",
            Instant.parse("2026-11-24T10:00:00Z"));

    @Test
    void succeededTradeWithEqualAmountCurrencyAndOpenIdIsMatched() {
        assertThat(OrderClassifier.classify(order, platform(2, 1000, "USD", "open-1")).outcome())
                .isEqualTo(Outcome.MATCHED);
    }

    @Test
    void currencyIsComparedWithoutRegardToCase() {
        assertThat(OrderClassifier.classify(order, platform(2, 1000, "usd", "open-1")).outcome())
                .isEqualTo(Outcome.MATCHED);
    }

    @Test
    void firstDifferingFieldNamesTheMismatchInAmountCurrencyOpenIdOrder() {
        assertThat(OrderClassifier.classify(order, platform(2, 999, "SAR", "other")).outcome())
                .isEqualTo(Outcome.AMOUNT_MISMATCH);
        assertThat(OrderClassifier.classify(order, platform(2, 1000, "SAR", "other")).outcome())
                .isEqualTo(Outcome.CURRENCY_MISMATCH);
        assertThat(OrderClassifier.classify(order, platform(2, 1000, "USD", "other")).outcome())
                .isEqualTo(Outcome.OPENID_MISMATCH);
    }

    @Test
    void amountMismatchDetailGivesBothAmounts() {
        assertThat(OrderClassifier.classify(order, platform(2, 990, "USD", "open-1")).detail())
                .contains("990").contains("1000");
    }

    @Test
    void orderWithoutOpenIdDoesNotMatchAPayer() {
        PendingOrder anonymous = new PendingOrder(2, "ORD-2", "T-2", null, 1000, "USD", Instant.EPOCH);
        assertThat(OrderClassifier.classify(anonymous, platform(2, 1000, "USD", "open-1")).outcome())
                .isEqualTo(Outcome.OPENID_MISMATCH);
    }

    @Test
    void tradeOfAnotherOrderDoesNotBelongToThisOne() {
        TradeDetail othersTrade = new TradeDetail("T-1", "ORD-9", 1000, "USD", "open-1", 2, "{}");
        assertThat(OrderClassifier.belongsTo(order, othersTrade)).isFalse();
        assertThat(OrderClassifier.foreignTrade(order, othersTrade).outcome()).isEqualTo(Outcome.MISSING_ON_PLATFORM);
        assertThat(OrderClassifier.belongsTo(order, platform(2, 1000, "USD", "open-1"))).isTrue();
    }

    @Test
    void answerThatNamesNoOrderDoesNotBelongToAnyAndSaysSo() {
        TradeDetail unnamed = new TradeDetail("T-1", null, 1000, "USD", "open-1", 2, "{}");
        assertThat(OrderClassifier.belongsTo(order, unnamed)).isFalse();
        OrderClassifier.Verdict verdict = OrderClassifier.foreignTrade(order, unnamed);
        assertThat(verdict.outcome()).isEqualTo(Outcome.MISSING_ON_PLATFORM);
        assertThat(verdict.outcome().newStatus()).isEqualTo(OrderStatus.REVIEW);
        assertThat(verdict.detail()).contains("names no order").contains("ORD-1");
    }

    @Test
    void tradeAlreadyPayingAnotherOrderIsLeftForReviewNamingThatOrder() {
        OrderClassifier.Verdict verdict = OrderClassifier.tradeAlreadyPays(order, "ORD-0");
        assertThat(verdict.outcome().action()).isEqualTo(Action.FLAG_REVIEW);
        assertThat(verdict.detail()).contains("T-1 already pays order ORD-0");
    }

    @ParameterizedTest
    @CsvSource({"1,STILL_PROCESSING,NONE,PENDING", "3,PAYMENT_FAILED,MARK_FAILED,FAILED", "4,EXPIRED,MARK_EXPIRED,EXPIRED",
            "5,CANCELED,MARK_CANCELED,CANCELED", "6,CLOSED,MARK_CLOSED,CLOSED"})
    void terminalStatusesMapToTheirOutcomeActionAndStatus(int status, Outcome outcome, Action action, OrderStatus newStatus) {
        Outcome classified = OrderClassifier.classify(order, platform(status, 1000, "USD", "open-1")).outcome();
        assertThat(classified).isEqualTo(outcome);
        assertThat(classified.action()).isEqualTo(action);
        assertThat(classified.newStatus()).isEqualTo(newStatus);
    }

    private static TradeDetail platform(int status, long amount, String currency, String openId) {
        return new TradeDetail("T-1", "ORD-1", amount, currency, openId, status, "{}");
    }
}
