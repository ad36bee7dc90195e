package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing orders behaves the same on every database we support. */
@SpringBootTest
abstract class OrderImportContract {

    @Autowired OrderImporter importer;
    @Autowired JdbcClient jdbc;

    record StoredOrder(String outTradeNo, String tradeNo, String openId, long amount, String currency, String status,
                       LocalDateTime createdAt) {
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("DELETE FROM payment_order").update();
    }

    @Test
    void insertsNewOrdersWithTimesInUtc() {
        OrderImporter.Result result = importer.importOrders(List.of(
                order("A-1", "T-1", 1250, OrderStatus.PENDING, "2026-03-01T09:30:00+03:00"),
                order("A-2", null, 0, OrderStatus.PAID, "2026-02-28T23:00:00-08:00")));

        assertThat(result).isEqualTo(new OrderImporter.Result(2, 0));
        assertThat(stored()).containsExactly(
                new StoredOrder("A-1", "T-1", "open-A-1", 1250, "SAR", "PENDING", LocalDateTime.parse("2026-03-01T06:30:00")),
                new StoredOrder("A-2", null, "open-A-2", 0, "SAR", "PAID", LocalDateTime.parse("2026-03-01T07:00:00")));
    }

    @Test
    void updatesExistingOrdersByOutTradeNoAndCountsThemApart() {
        importer.importOrders(List.of(order("A-1", null, 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z")));

        OrderImporter.Result result = importer.importOrders(List.of(
                order("A-1", "T-1", 200, OrderStatus.PAID, "2026-03-01T00:00:00Z"),
                order("A-2", "T-2", 300, OrderStatus.PENDING, "2026-03-01T00:00:00Z")));

        assertThat(result).isEqualTo(new OrderImporter.Result(1, 1));
        assertThat(stored()).extracting(StoredOrder::outTradeNo, StoredOrder::tradeNo, StoredOrder::amount, StoredOrder::status)
                .containsExactly(
                        Tuple.tuple("A-1", "T-1", 200L, "PAID"),
                        Tuple.tuple("A-2", "T-2", 300L, "PENDING"));
    }

    @Test
    void storesNothingWhenAnyOrderCannotBeStored() {
        String tooLongForTheColumn = "X".repeat(65);

        assertThatThrownBy(() -> importer.importOrders(List.of(
                order("A-1", "T-1", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z"),
                order(tooLongForTheColumn, "T-2", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z"))))
                .isInstanceOf(RuntimeException.class);

        assertThat(stored()).isEmpty();
    }

    @Test
    void importsMoreOrdersThanOneBatchHolds() {
        List<OrderRow> orders = IntStream.range(0, 2500)
                .mapToObj(i -> order("B-" + i, "T-" + i, i, OrderStatus.PENDING, "2026-03-01T00:00:00Z"))
                .toList();
        importer.importOrders(orders.subList(0, 1200));

        OrderImporter.Result result = importer.importOrders(orders);

        assertThat(result).isEqualTo(new OrderImporter.Result(1300, 1200));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_order").query(Long.class).single()).isEqualTo(2500);
    }

    private List<StoredOrder> stored() {
        return jdbc.sql("SELECT out_trade_no, trade_no, open_id, amount, currency, status, created_at FROM payment_order ORDER BY out_trade_no")
                .query(StoredOrder.class).list();
    }

    private static OrderRow order(String outTradeNo, String tradeNo, long amount, OrderStatus status, String createdAt) {
        return new OrderRow(outTradeNo, tradeNo, "open-" + outTradeNo, amount, "SAR", status, OffsetDateTime.parse(createdAt).toInstant());
    }
}
