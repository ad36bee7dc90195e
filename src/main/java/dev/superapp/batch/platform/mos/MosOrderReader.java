package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.TradeDetail;
import dev.superapp.batch.platform.UnusableAnswer;
import java.math.BigDecimal;
import java.util.Currency;
import tools.jackson.databind.JsonNode;

/**
 * Turns the {@code data} of an {@code orderQuery} success answer into a {@link TradeDetail}, or
 * refuses to: money is decided from it. The order must be the one asked for; {@code totalAmount}
 * is a decimal in the currency's main unit ({@code "19.99"} USD), converted to cents exactly;
 * {@code prepayId} becomes the {@code tradeNo}.
 */
final class MosOrderReader {

    private static final String NAME = MosEndpoint.ORDER_QUERY.label();

    private MosOrderReader() {
    }

    static TradeDetail read(JsonNode data, String askedOutTradeNo, String rawAnswer) throws UnusableAnswer {
        if (!data.isObject()) {
            throw malformed("its data is not an object", rawAnswer);
        }
        String outTradeNo = MosFields.text(data, "outTradeNo", MosEndpoint.ORDER_QUERY, rawAnswer);
        if (!outTradeNo.equals(askedOutTradeNo)) {
            throw malformed("it is about order " + outTradeNo + ", not " + askedOutTradeNo, rawAnswer);
        }
        String currency = MosFields.text(data, "currency", MosEndpoint.ORDER_QUERY, rawAnswer);
        long cents = cents(MosFields.text(data, "totalAmount", MosEndpoint.ORDER_QUERY, rawAnswer), currency, rawAnswer);
        String status = MosFields.text(data, "status", MosEndpoint.ORDER_QUERY, rawAnswer);
        MosOrderStatus mapped = MosOrderStatus.of(status)
                .orElseThrow(() -> new UnmappedOrderStatusException(NAME, status, rawAnswer));
        JsonNode prepayId = data.path("prepayId");
        return new TradeDetail(prepayId.isString() ? prepayId.stringValue() : null, outTradeNo, cents, currency,
                MosFields.text(data, "openid", MosEndpoint.ORDER_QUERY, rawAnswer), mapped.transactionStatus(), rawAnswer);
    }

    private static long cents(String totalAmount, String currency, String rawAnswer) throws UnusableAnswer {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            BigDecimal amount = new BigDecimal(totalAmount);
            if (amount.signum() < 0 || digits < 0) {
                throw malformed("totalAmount is negative or its currency has no minor unit", rawAnswer);
            }
            // Exact: an amount with more decimals than the currency has is not an amount we can compare.
            return amount.movePointRight(digits).longValueExact();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw malformed("totalAmount '" + totalAmount + "' is not an amount of " + currency, rawAnswer);
        }
    }

    private static UnusableAnswer malformed(String problem, String rawAnswer) {
        return UnusableAnswer.malformed(NAME + " answer is malformed: " + problem, rawAnswer, null);
    }
}
