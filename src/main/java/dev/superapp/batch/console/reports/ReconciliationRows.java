package dev.superapp.batch.console.reports;

import dev.superapp.batch.reconciliation.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A run's rows of {@code reconciliation_result}, by job instance: a restarted run recorded its decisions
 * under several executions, and its report, like this page, covers all of them.
 */
@Repository
class ReconciliationRows {

    private static final String COLUMNS = "r.id, r.order_id, o.created_at AS order_created_at, r.out_trade_no, r.trade_no,"
            + " r.outcome, r.action, r.local_status, r.new_status, r.platform_status, r.local_amount, r.platform_amount,"
            + " r.local_currency, r.platform_currency, r.detail";

    private record Sum(String outcome, String currency, long amount) {
    }

    private final JdbcClient jdbc;

    ReconciliationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param outcome only rows of this outcome; null for all
     * @param after   rows after this id (0 first)
     */
    RowPage<ResultRow> page(long instanceId, Outcome outcome, long after, int size) {
        List<ResultRow> fetched = jdbc.sql("SELECT " + COLUMNS + " FROM reconciliation_result r"
                        + " JOIN payment_order o ON o.id = r.order_id"
                        + " WHERE r.job_instance_id = :instance AND (:outcome = '' OR r.outcome = :outcome) AND r.id > :after"
                        + " ORDER BY r.job_instance_id, r.id LIMIT :limit")
                .param("instance", instanceId)
                .param("outcome", outcome == null ? "" : outcome.name())
                .param("after", after)
                .param("limit", size + 1)
                .query(ResultRow.class)
                .list();
        return RowPage.of(fetched, size, ResultRow::id);
    }

    /** Local and platform sums per outcome and currency, in outcome-table then currency order. */
    List<AmountLine> amounts(long instanceId) {
        Map<Outcome, Map<String, Long>> local = sums(instanceId, "local_currency", "local_amount");
        Map<Outcome, Map<String, Long>> platform = sums(instanceId, "platform_currency", "platform_amount");
        List<AmountLine> lines = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            Map<String, Long> localSums = local.getOrDefault(outcome, Map.of());
            Map<String, Long> platformSums = platform.getOrDefault(outcome, Map.of());
            Set<String> currencies = new TreeSet<>(localSums.keySet());
            currencies.addAll(platformSums.keySet());
            currencies.forEach(currency -> lines.add(
                    new AmountLine(outcome, currency, localSums.get(currency), platformSums.get(currency))));
        }
        return lines;
    }

    /** {@code currency} and {@code amount} are column names of this class, never user input. */
    private Map<Outcome, Map<String, Long>> sums(long instanceId, String currency, String amount) {
        Map<Outcome, Map<String, Long>> sums = new EnumMap<>(Outcome.class);
        jdbc.sql("SELECT outcome, COALESCE(" + currency + ", '') AS currency, SUM(" + amount + ") AS amount"
                        + " FROM reconciliation_result WHERE job_instance_id = ? AND " + amount + " IS NOT NULL"
                        + " GROUP BY outcome, COALESCE(" + currency + ", '')")
                .param(instanceId)
                .query(Sum.class)
                .list()
                .forEach(sum -> sums.computeIfAbsent(Outcome.valueOf(sum.outcome()), o -> new HashMap<>())
                        .put(sum.currency(), sum.amount()));
        return sums;
    }
}
