package dev.superapp.batch.reconciliation;

import dev.superapp.batch.platform.TradeDetail;
import java.util.Objects;

/**
 * Compares a local order with a trustworthy {@code tradedetail} answer and names the outcome.
 * Pure: no I/O, so every row of the outcome table is unit-tested here.
 */
final class OrderClassifier {

    private OrderClassifier() {
    }

    /** The outcome for a platform answer; a processing trade (status 1) is {@link Outcome#STILL_PROCESSING}. */
    static Verdict classify(PendingOrder order, TradeDetail platform) {
        return switch (platform.transactionStatus()) {
            case TradeDetail.SUCCEEDED -> compareSucceeded(order, platform);
            case TradeDetail.FAILED -> new Verdict(Outcome.PAYMENT_FAILED, "the platform says the payment failed");
            case TradeDetail.EXPIRED -> new Verdict(Outcome.EXPIRED, "the platform says the trade expired");
            case TradeDetail.CANCELED -> new Verdict(Outcome.CANCELED, "the platform says the trade was canceled");
            case TradeDetail.CLOSED -> new Verdict(Outcome.CLOSED, "the platform says the trade is closed");
            case TradeDetail.PROCESSING -> new Verdict(Outcome.STILL_PROCESSING, "the platform says the payment is still processing");
            default -> throw new IllegalArgumentException("unknown transactionStatus " + platform.transactionStatus());
        };
    }

    /**
     * Whether the trade the platform described is this order's: its answer names this order's
     * {@code outTradeNo}. One payment pays one order, so a trade number on the wrong order (a retried
     * purchase, a typo in an import) or an answer that names no order at all must not make this order
     * PAID nor get the trade closed.
     */
    static boolean belongsTo(PendingOrder order, TradeDetail platform) {
        return order.outTradeNo().equals(platform.outTradeNo());
    }

    /**
     * The verdict for a trade that is not shown to be this order's: this order's own trade is not on the
     * platform as far as its answer goes, so a person has to look.
     */
    static Verdict foreignTrade(PendingOrder order, TradeDetail platform) {
        if (platform.outTradeNo() == null) {
            return new Verdict(Outcome.MISSING_ON_PLATFORM, "the platform's answer for trade " + platform.tradeNo()
                    + " names no order (no outTradeNo), so it cannot show that it pays " + order.outTradeNo()
                    + "; left for review");
        }
        return new Verdict(Outcome.MISSING_ON_PLATFORM, "trade " + platform.tradeNo() + " belongs to order "
                + platform.outTradeNo() + " on the platform, not to " + order.outTradeNo());
    }

    /**
     * The verdict for an order that would be paid by a trade already paying another order: two orders
     * carrying one trade number are never both paid.
     */
    static Verdict tradeAlreadyPays(PendingOrder order, String payingOrder) {
        return new Verdict(Outcome.MISSING_ON_PLATFORM, "trade " + order.tradeNo() + " already pays order "
                + payingOrder + "; one payment pays one order, so " + order.outTradeNo() + " is left for review");
    }

    private static Verdict compareSucceeded(PendingOrder order, TradeDetail platform) {
        if (order.amount() != platform.amount()) {
            return new Verdict(Outcome.AMOUNT_MISMATCH,
                    "paid " + platform.amount() + " on the platform, " + order.amount() + " expected");
        }
        if (!order.currency().equalsIgnoreCase(platform.currency())) {
            return new Verdict(Outcome.CURRENCY_MISMATCH,
                    "paid in " + platform.currency() + " on the platform, " + order.currency() + " expected");
        }
        if (!Objects.equals(order.openId(), platform.openId())) {
            return new Verdict(Outcome.OPENID_MISMATCH, "paid by another openId than the order's");
        }
        return new Verdict(Outcome.MATCHED, "paid");
    }

    /** An outcome with the reason a person reads in the report's {@code detail} column. */
    record Verdict(Outcome outcome, String detail) {
    }
}
