package dev.superapp.batch.sandbox;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code trade}, {@code tradedetail} and {@code tradeclose} of seed 001 over the {@link TradeBook}. */
final class TradeEndpoints {

    // Seed 001: "can only be numbers, uppercase and lowercase letters _ - *".
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_*-]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final TradeBook book;
    private final String appId;
    private final Clock clock;

    TradeEndpoints(TradeBook book, String appId, Clock clock) {
        this.book = book;
        this.appId = appId;
        this.clock = clock;
    }

    SandboxAnswer create(SandboxRequest request) {
        String outTradeNo = request.required("outTradeNo");
        request.required("notifyUrl");
        long amount = request.requiredLong("amount");
        String currency = request.required("currency");
        String openId = request.required("openId");
        if (!OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            throw RequestRefused.badRequest("outTradeNo may only hold letters, digits, _ - and *");
        }
        if (amount <= 0) {
            throw RequestRefused.badRequest("amount must be a positive number of cents");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw RequestRefused.badRequest("currency must be three upper-case letters");
        }
        SandboxTrade trade = book.create(outTradeNo, openId, amount, currency);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("outTradeNo", trade.outTradeNo());
        created.put("tradeNo", trade.tradeNo());
        return SandboxAnswer.ok(created);
    }

    SandboxAnswer detail(SandboxRequest request) {
        TradeState trade = find(request);
        if (trade.trade().alwaysFails()) {
            return brokenTrade();
        }
        return SandboxAnswer.ok(trade.read(clock.instant()).detail(appId));
    }

    SandboxAnswer close(SandboxRequest request) {
        TradeState trade = find(request);
        if (trade.trade().alwaysFails()) {
            return brokenTrade();
        }
        return SandboxAnswer.ok(trade.close(clock.instant()));
    }

    private TradeState find(SandboxRequest request) {
        String tradeNo = request.required("tradeNo");
        return book.find(tradeNo).orElseThrow(() -> RequestRefused.notFound("trade " + tradeNo + " does not exist"));
    }

    /** A server fault: the platform did not act, so the read and close counters stay as they are. */
    private static SandboxAnswer brokenTrade() {
        return SandboxAnswer.envelope(500, 500, "internal server error", null);
    }
}
