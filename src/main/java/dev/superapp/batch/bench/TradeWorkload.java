package dev.superapp.batch.bench;

import dev.superapp.batch.reconciliation.OrderRow;
import dev.superapp.batch.reconciliation.OrderStatus;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxTrade;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * PENDING orders whose trades the platform says succeeded, with matching amounts: one
 * {@code tradedetail} each, so a run's rate is the rate of requests.
 *
 * @param prefix makes the order and trade numbers of one workload distinct from another's
 * @param size   how many orders
 */
public record TradeWorkload(String prefix, int size) {

    public List<OrderRow> orders() {
        Instant createdAt = Instant.now();
        return IntStream.range(0, size).mapToObj(i -> new OrderRow(i + 1, outTradeNo(i), tradeNo(i), openId(i), amount(i),
                "SAR", OrderStatus.PENDING, createdAt)).toList();
    }

    public List<SandboxTrade> trades() {
        return IntStream.range(0, size).mapToObj(i -> SandboxTrade.scripted(tradeNo(i), outTradeNo(i), openId(i),
                amount(i), "SAR", CloseBehaviour.CLOSES, 2)).toList();
    }

    private String outTradeNo(int i) {
        return prefix + "-order-" + i;
    }

    private String tradeNo(int i) {
        return prefix + "-trade-" + i;
    }

    private static String openId(int i) {
        return "open-" + i;
    }

    private static long amount(int i) {
        return 100 + i % 10_000;
    }
}
