package dev.superapp.batch.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A trade at one moment, and its {@code tradedetail} response with the fields of seed 001. */
record TradeView(SandboxTrade trade, int status, Instant createdAt, Instant modifiedAt) {

    Map<String, Object> detail(String appId) {
        boolean paid = status == 2;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("tradeNo", trade.tradeNo());
        detail.put("appId", appId);
        detail.put("merchantId", "sandbox-merchant");
        detail.put("merchantLogoUrl", null);
        detail.put("merchantName", "Sandbox merchant");
        detail.put("description", "");
        detail.put("outTradeNo", trade.outTradeNo());
        detail.put("timeExpire", null);
        detail.put("amount", trade.amount());
        detail.put("amountStrWithYuan", BigDecimal.valueOf(trade.amount(), 2).toPlainString());
        detail.put("currency", trade.currency());
        detail.put("openId", trade.openId());
        detail.put("payer", Integer.toUnsignedLong(trade.openId().hashCode()));
        detail.put("notifySuccess", paid ? Boolean.TRUE : null);
        detail.put("payType", paid ? 1 : null);
        detail.put("payNo", paid ? "pay-" + trade.tradeNo() : null);
        detail.put("payMethod", paid ? 3 : null);
        detail.put("transactionFlow", 2);
        detail.put("transactionStatus", status);
        detail.put("failReasonType", failReasonType());
        detail.put("ctime", createdAt.toEpochMilli());
        detail.put("mtime", modifiedAt.toEpochMilli());
        return detail;
    }

    /** The seed's FailReasonTypeEnum code that goes with the status; -1 means "no reason". */
    private int failReasonType() {
        return switch (status) {
            case 3 -> 27;
            case 4 -> 21;
            case 6 -> 22;
            default -> -1;
        };
    }
}
