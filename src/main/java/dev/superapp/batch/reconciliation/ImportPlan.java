package dev.superapp.batch.reconciliation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import will do to each row, decided before anything is written: insert a new order, update an
 * order still PENDING, leave an unchanged one, and refuse a change to a settled order (PAID, FAILED,
 * EXPIRED, CANCELED, CLOSED, REVIEW, REFUND_NEEDED) unless forced. A trade number that would be carried by
 * two orders (in the file, or one in the file and one already in the table) refuses the file: one payment
 * pays one order, so such a pair is a mistake to fix in the file, and {@code --force} does not override it.
 */
final class ImportPlan {

    final List<OrderRow> inserts = new ArrayList<>();
    final List<OrderRow> updates = new ArrayList<>();
    final List<ForcedChange> forced = new ArrayList<>();
    int unchanged;

    /** A change to a settled order that {@code --force} let through; the audit trail records it. */
    record ForcedChange(OrderRow row, ExistingOrder before, ExistingOrder.Changes changes) {
    }

    /**
     * @param existing     the stored orders among the rows, by {@code out_trade_no}
     * @param tradeHolders for each trade number of the rows, the stored orders carrying it
     */
    static ImportPlan of(String source, List<OrderRow> rows, Map<String, ExistingOrder> existing,
                         Map<String, Set<String>> tradeHolders, boolean force) {
        ImportPlan plan = new ImportPlan();
        RowProblems problems = new RowProblems(source);
        Map<String, OrderRow> firstRowOfTrade = new LinkedHashMap<>();
        Set<String> ordersInFile = new HashSet<>();
        rows.forEach(row -> ordersInFile.add(row.outTradeNo()));
        for (OrderRow row : rows) {
            String where = source + " line " + row.line() + ": ";
            if (row.tradeNo() != null) {
                OrderRow earlier = firstRowOfTrade.putIfAbsent(row.tradeNo(), row);
                if (earlier != null) {
                    problems.add(where + "trade_no " + row.tradeNo() + " is also order " + earlier.outTradeNo()
                            + "'s on line " + earlier.line() + "; one payment pays one order");
                }
                tradeHolders.getOrDefault(row.tradeNo(), Set.of()).stream()
                        .filter(holder -> !holder.equals(row.outTradeNo()) && !ordersInFile.contains(holder))
                        .findFirst()
                        .ifPresent(holder -> problems.add(where + "trade_no " + row.tradeNo() + " is already order "
                                + holder + "'s in payment_order; one payment pays one order"));
            }
            plan.decide(row, existing.get(row.outTradeNo()), force, where, problems);
        }
        problems.throwIfAny();
        return plan;
    }

    private void decide(OrderRow row, ExistingOrder stored, boolean force, String where, RowProblems problems) {
        if (stored == null) {
            inserts.add(row);
            return;
        }
        ExistingOrder.Changes changes = stored.changesBy(row);
        if (changes.none()) {
            unchanged++;
        } else if (!stored.settled()) {
            updates.add(row);
        } else if (force) {
            updates.add(row);
            forced.add(new ForcedChange(row, stored, changes));
        } else {
            problems.add(where + "order " + row.outTradeNo() + " is already " + stored.status()
                    + "; the file would change " + changes.before() + " to " + changes.after()
                    + " (a settled order changes only with --force, and the change is recorded)");
        }
    }
}
