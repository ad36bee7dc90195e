package dev.superapp.batch.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox's trades by {@code tradeNo}; an {@code outTradeNo} has at most one trade, as on the platform. */
final class TradeBook {

    private final Clock clock;
    private final Map<String, TradeState> byTradeNo = new ConcurrentHashMap<>();
    // outTradeNo -> tradeNo: MOS looks trades up by the merchant's number.
    private final Map<String, String> outTradeNos = new ConcurrentHashMap<>();

    TradeBook(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(SandboxTrade trade) {
        addAll(List.of(trade));
    }

    /** Adds all the trades or, if one number is taken (or repeated among them), none. */
    synchronized void addAll(Collection<SandboxTrade> trades) {
        Set<String> newTradeNos = new HashSet<>();
        Set<String> newOutTradeNos = new HashSet<>();
        for (SandboxTrade trade : trades) {
            if (byTradeNo.containsKey(trade.tradeNo()) || !newTradeNos.add(trade.tradeNo())) {
                throw new IllegalArgumentException("the sandbox already has trade " + trade.tradeNo());
            }
            if (outTradeNos.containsKey(trade.outTradeNo()) || !newOutTradeNos.add(trade.outTradeNo())) {
                throw new IllegalArgumentException("the sandbox already has a trade for outTradeNo " + trade.outTradeNo());
            }
        }
        trades.forEach(trade -> {
            byTradeNo.put(trade.tradeNo(), new TradeState(trade, clock.instant()));
            outTradeNos.put(trade.outTradeNo(), trade.tradeNo());
        });
    }

    /** What the {@code trade} endpoint creates: a trade that stays processing and closes when asked. */
    synchronized SandboxTrade create(String outTradeNo, String openId, long amount, String currency) {
        if (outTradeNos.containsKey(outTradeNo)) {
            throw RequestRefused.badRequest("outTradeNo " + outTradeNo + " already has a trade");
        }
        // Derived from the order number, so a rerun of the same test or demo gets the same tradeNo.
        String tradeNo = UUID.nameUUIDFromBytes(outTradeNo.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        SandboxTrade trade = new SandboxTrade(tradeNo, outTradeNo, openId, amount, currency, List.of(1),
                CloseBehaviour.CLOSES, false);
        add(trade);
        return trade;
    }

    /** The trade of a merchant order number, as MOS looks trades up. */
    Optional<TradeState> findByOutTradeNo(String outTradeNo) {
        String tradeNo = outTradeNos.get(outTradeNo);
        return tradeNo == null ? Optional.empty() : find(tradeNo);
    }

    Optional<TradeState> find(String tradeNo) {
        return Optional.ofNullable(byTradeNo.get(tradeNo));
    }

    /** For tests and the demo: a trade that must exist. */
    TradeState get(String tradeNo) {
        return find(tradeNo).orElseThrow(() -> new IllegalArgumentException("the sandbox has no trade " + tradeNo));
    }
}
