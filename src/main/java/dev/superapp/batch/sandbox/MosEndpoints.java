package dev.superapp.batch.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code orderQuery}, {@code code2session} and {@code getApplication} of seed 002. Orders are the
 * sandbox's trades looked up by {@code outTradeNo}, so one script of statuses serves both platforms;
 * a query moves the script on as a {@code tradedetail} does.
 */
final class MosEndpoints {

    private static final String[] STATUS_NAMES = {"NOTPAY", "SUCCESS", "PAYERROR", "EXPIRED", "REVOKED", "CLOSED"};

    private final TradeBook book;
    private final String appKey;
    private final Clock clock;

    MosEndpoints(TradeBook book, String appKey, Clock clock) {
        this.book = book;
        this.appKey = appKey;
        this.clock = clock;
    }

    SandboxAnswer orderQuery(MosRequest request) {
        String outTradeNo = request.required("outTradeNo");
        TradeState state = book.findByOutTradeNo(outTradeNo)
                .orElseThrow(() -> RequestRefused.notFound("order " + outTradeNo + " does not exist"));
        if (state.trade().alwaysFails()) {
            return SandboxAnswer.mos(500, 500, "internal server error", null);
        }
        TradeView view = state.read(clock.instant());
        SandboxTrade trade = view.trade();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("openid", trade.openId());
        order.put("prepayId", trade.tradeNo());
        order.put("outTradeNo", trade.outTradeNo());
        order.put("country", "KH");
        order.put("currency", trade.currency());
        order.put("totalAmount", BigDecimal.valueOf(trade.amount(),
                Math.max(0, Currency.getInstance(trade.currency()).getDefaultFractionDigits())).toPlainString());
        order.put("desc", "");
        order.put("status", STATUS_NAMES[view.status() - 1]);
        order.put("expireTime", null);
        order.put("createTime", view.createdAt().toEpochMilli());
        return SandboxAnswer.mos(200, 0, "success", order);
    }

    SandboxAnswer codeToSession(MosRequest request) {
        String code = request.required("code");
        Map<String, Object> session = new LinkedHashMap<>();
        // Derived from the code, so a test knows whom a code stands for.
        session.put("openid", "mos-open-" + code);
        session.put("sessionKey", null);
        return SandboxAnswer.mos(200, 0, "success", session);
    }

    SandboxAnswer application(MosRequest request) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("appName", "Sandbox mini app");
        application.put("appKey", appKey);
        // The platform sends appSecret here too; the sandbox never echoes a secret.
        application.put("description", "the sandbox's MOS mini app");
        application.put("status", true);
        application.put("notifyUrl", null);
        return SandboxAnswer.mos(200, 0, "success", application);
    }
}
