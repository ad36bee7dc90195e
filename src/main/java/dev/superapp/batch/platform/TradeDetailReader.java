package dev.superapp.batch.platform;

import tools.jackson.databind.JsonNode;

/**
 * Turns the {@code response} of a {@code tradedetail} success answer into a {@link TradeDetail},
 * or refuses to: money is decided from it, so every field the reconciliation compares must be
 * present with its exact type, and the answer must be about the trade that was asked for.
 */
final class TradeDetailReader {

    private TradeDetailReader() {
    }

    static TradeDetail read(JsonNode response, String askedTradeNo, String rawAnswer) throws UnusableAnswer {
        if (!response.isObject()) {
            throw malformed("its response is not an object", rawAnswer);
        }
        String tradeNo = requiredText(response, "tradeNo", rawAnswer);
        if (!tradeNo.equals(askedTradeNo)) {
            throw malformed("it is about trade " + tradeNo + ", not " + askedTradeNo, rawAnswer);
        }
        JsonNode amount = response.path("amount");
        if (!amount.isIntegralNumber() || !amount.canConvertToLong() || amount.longValue() < 0) {
            throw malformed("amount is not a whole number of cents", rawAnswer);
        }
        JsonNode status = response.path("transactionStatus");
        if (!status.isInt() || status.intValue() < TradeDetail.PROCESSING || status.intValue() > TradeDetail.CLOSED) {
            throw malformed("transactionStatus is not one of 1..6", rawAnswer);
        }
        JsonNode outTradeNo = response.path("outTradeNo");
        if (!outTradeNo.isMissingNode() && !outTradeNo.isNull() && !outTradeNo.isString()) {
            throw malformed("outTradeNo is not text", rawAnswer);
        }
        String currency = requiredText(response, "currency", rawAnswer);
        if (!currency.matches("[A-Za-z]{3}")) {
            throw malformed("currency is not a three-letter code", rawAnswer);
        }
        return new TradeDetail(tradeNo, outTradeNo.isString() ? outTradeNo.stringValue() : null, amount.longValue(),
                currency, requiredText(response, "openId", rawAnswer), status.intValue(), rawAnswer);
    }

    private static String requiredText(JsonNode response, String field, String rawAnswer) throws UnusableAnswer {
        JsonNode value = response.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw malformed(field + " is missing or not text", rawAnswer);
        }
        return value.stringValue();
    }

    private static UnusableAnswer malformed(String problem, String rawAnswer) {
        return UnusableAnswer.malformed("SuperApp tradedetail answer is malformed: " + problem, rawAnswer, null);
    }
}
