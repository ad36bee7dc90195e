package dev.superapp.batch.reconciliation;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An order as {@code payment_order} holds it before an import changes it; times are UTC. */
record ExistingOrder(long id, String outTradeNo, String tradeNo, String openId, long amount, String currency,
                     String status, LocalDateTime createdAt) {

    boolean settled() {
        return !OrderStatus.PENDING.name().equals(status);
    }

    /** The values {@code row} would change, as {@code field=before} and {@code field=after} lists; empty when none. */
    Changes changesBy(OrderRow row) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        compare("trade_no", tradeNo, row.tradeNo(), before, after);
        compare("open_id", openId, row.openId(), before, after);
        compare("amount", amount, row.amount(), before, after);
        compare("currency", currency, row.currency(), before, after);
        compare("status", status, row.status().name(), before, after);
        // DATETIME(6) keeps microseconds: compare what the column can hold.
        compare("created_at", createdAt, LocalDateTime.ofInstant(row.createdAt().truncatedTo(ChronoUnit.MICROS),
                ZoneOffset.UTC), before, after);
        return new Changes(String.join(", ", before), String.join(", ", after));
    }

    private static void compare(String field, Object was, Object becomes, List<String> before, List<String> after) {
        if (!Objects.equals(was, becomes)) {
            before.add(field + "=" + was);
            after.add(field + "=" + becomes);
        }
    }

    /** What an import would change: {@code trade_no=T-1, status=PAID} before and after. */
    record Changes(String before, String after) {

        boolean none() {
            return before.isEmpty();
        }
    }
}
