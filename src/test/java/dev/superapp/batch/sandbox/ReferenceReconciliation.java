package dev.superapp.batch.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN's reconciliation outcome table applied by hand to one order over real HTTP, with no
 * retries: just enough to prove that the sample files reach every outcome. It is not the job's
 * classifier and does not replace its tests.
 */
final class ReferenceReconciliation {

    private static final Map<Integer, String> SETTLED = Map.of(3, "PAYMENT_FAILED", 4, "EXPIRED", 5, "CANCELED",
            6, "CLOSED");

    private final SandboxCaller caller;
    private final Duration closeAfter;
    private final int pollAttempts;

    ReferenceReconciliation(SandboxCaller caller, Duration closeAfter, int pollAttempts) {
        this.caller = caller;
        this.closeAfter = closeAfter;
        this.pollAttempts = pollAttempts;
    }

    /** @param order a row of an orders file, by column name */
    String outcome(Map<String, String> order) {
        String tradeNo = order.get("trade_no");
        if (tradeNo.isEmpty()) {
            return "NO_TRADE_NO";
        }
        SandboxCaller.Reply reply = detail(tradeNo);
        for (int attempt = 1; attempt < pollAttempts && processing(reply); attempt++) {
            reply = detail(tradeNo);
        }
        if (reply.httpCode() != 200 || reply.status() != 200 && reply.status() != 404) {
            return "ERROR";
        }
        if (reply.status() == 404) {
            return "MISSING_ON_PLATFORM";
        }
        if (processing(reply)) {
            Instant createdAt = OffsetDateTime.parse(order.get("created_at")).toInstant();
            if (createdAt.isAfter(Instant.now().minus(closeAfter))) {
                return "STILL_PROCESSING";
            }
            caller.post(OpenApiPaths.TRADE_CLOSE, Map.of("tradeNo", tradeNo));
            reply = detail(tradeNo);
            if (reply.response().path("transactionStatus").asInt() == 6) {
                return "CLOSED_STALE";
            }
        }
        return settled(order, reply.response());
    }

    private static String settled(Map<String, String> order, JsonNode trade) {
        int status = trade.path("transactionStatus").asInt();
        if (status != 2) {
            return SETTLED.getOrDefault(status, "STILL_PROCESSING");
        }
        if (trade.path("amount").asLong() != Long.parseLong(order.get("amount"))) {
            return "AMOUNT_MISMATCH";
        }
        if (!trade.path("currency").asString().equals(order.get("currency"))) {
            return "CURRENCY_MISMATCH";
        }
        if (!trade.path("openId").asString().equals(order.get("open_id"))) {
            return "OPENID_MISMATCH";
        }
        return "MATCHED";
    }

    private SandboxCaller.Reply detail(String tradeNo) {
        return caller.get(OpenApiPaths.TRADE_DETAIL, Map.of("tradeNo", tradeNo));
    }

    private static boolean processing(SandboxCaller.Reply reply) {
        return reply.httpCode() == 200 && reply.status() == 200
                && reply.response().path("transactionStatus").asInt() == 1;
    }
}
