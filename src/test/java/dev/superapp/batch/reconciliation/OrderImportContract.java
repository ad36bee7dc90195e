package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.system.UserInputException;
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
    @Autowired OrderAudit orderAudit;
    @Autowired JdbcClient jdbc;

    private long line = 1;

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

    @Test
    void refusesEveryChangeToASettledOrderNamingItsLineAndStoresNothing() {
        importer.importOrders(List.of(order("S-1", "T-1", 100, OrderStatus.PAID, "2026-03-01T00:00:00Z"),
                order("S-2", "T-2", 100, OrderStatus.CLOSED, "2026-03-01T00:00:00Z")));
        line = 1;

        assertThatThrownBy(() -> importer.importOrders(List.of(
                order("S-1", "T-1", 150, OrderStatus.PENDING, "2026-03-01T00:00:00Z"),
                order("N-1", "T-3", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z"),
                order("S-2", "T-2", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z")),
                OrderImporter.Options.byThisUser("orders.csv", false)))
                .isInstanceOf(UserInputException.class)
                .hasMessage("""
                        orders.csv line 2: order S-1 is already PAID; the file would change amount=100, status=PAID to \
                        amount=150, status=PENDING (a settled order changes only with --force, and the change is recorded)
                        orders.csv line 4: order S-2 is already CLOSED; the file would change status=CLOSED to \
                        status=PENDING (a settled order changes only with --force, and the change is recorded)
                        orders.csv: 2 bad rows; nothing was imported""");

        assertThat(stored()).extracting(StoredOrder::outTradeNo, StoredOrder::amount, StoredOrder::status)
                .containsExactly(Tuple.tuple("S-1", 100L, "PAID"), Tuple.tuple("S-2", 100L, "CLOSED"));
    }

    @Test
    void acceptsASettledOrderTheFileLeavesAsItIs() {
        importer.importOrders(List.of(order("S-1", "T-1", 100, OrderStatus.PAID, "2026-03-01T00:00:00Z")));

        OrderImporter.Result result = importer.importOrders(List.of(
                order("S-1", "T-1", 100, OrderStatus.PAID, "2026-03-01T03:00:00+03:00")));

        assertThat(result).isEqualTo(new OrderImporter.Result(0, 1));
        assertThat(audit()).isEmpty();
    }

    @Test
    void forcedChangeToASettledOrderIsAppliedAndRecordedWithWhoWhenAndBeforeAfter() {
        importer.importOrders(List.of(order("S-1", "T-1", 100, OrderStatus.REVIEW, "2026-03-01T00:00:00Z")));

        OrderImporter.Result result = importer.importOrders(List.of(
                order("S-1", "T-1", 120, OrderStatus.PENDING, "2026-03-01T00:00:00Z")),
                new OrderImporter.Options("fix.csv", true, "os:ada"));

        assertThat(result.forced()).isEqualTo(1);
        assertThat(stored()).extracting(StoredOrder::amount, StoredOrder::status).containsExactly(Tuple.tuple(120L, "PENDING"));
        assertThat(audit()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(AuditEntry.IMPORT);
            assertThat(entry.actor()).isEqualTo("os:ada");
            assertThat(entry.changedAt()).isNotNull();
            assertThat(entry.statusBefore()).isEqualTo("REVIEW");
            assertThat(entry.statusAfter()).isEqualTo("PENDING");
            assertThat(entry.valuesBefore()).isEqualTo("amount=100, status=REVIEW");
            assertThat(entry.valuesAfter()).isEqualTo("amount=120, status=PENDING");
            assertThat(entry.detail()).isEqualTo("line 3 of fix.csv");
        });
    }

    @Test
    void refusesATradeNumberCarriedByTwoOrdersInTheFileOrInTheTable() {
        importer.importOrders(List.of(order("H-1", "T-HELD", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z")));
        line = 1;

        assertThatThrownBy(() -> importer.importOrders(List.of(
                order("A-1", "T-SAME", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z"),
                order("A-2", "T-SAME", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z"),
                order("A-3", "T-HELD", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z")),
                OrderImporter.Options.byThisUser("orders.csv", true)))
                .hasMessage("""
                        orders.csv line 3: trade_no T-SAME is also order A-1's on line 2; one payment pays one order
                        orders.csv line 4: trade_no T-HELD is already order H-1's in payment_order; one payment pays one order
                        orders.csv: 2 bad rows; nothing was imported""");
        assertThat(stored()).extracting(StoredOrder::outTradeNo).containsExactly("H-1");
    }

    @Test
    void anOrderMayKeepOrMoveItsOwnTradeNumber() {
        importer.importOrders(List.of(order("M-1", "T-1", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z")));

        importer.importOrders(List.of(order("M-1", "T-2", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z"),
                order("M-2", "T-1", 100, OrderStatus.PENDING, "2026-03-01T00:00:00Z")));

        assertThat(stored()).extracting(StoredOrder::outTradeNo, StoredOrder::tradeNo)
                .containsExactly(Tuple.tuple("M-1", "T-2"), Tuple.tuple("M-2", "T-1"));
    }

    private List<AuditEntry> audit() {
        return jdbc.sql("SELECT id FROM payment_order ORDER BY id").query(Long.class).list().stream()
                .flatMap(id -> orderAudit.of(id).stream()).toList();
    }

    private List<StoredOrder> stored() {
        return jdbc.sql("SELECT out_trade_no, trade_no, open_id, amount, currency, status, created_at FROM payment_order ORDER BY out_trade_no")
                .query(StoredOrder.class).list();
    }

    private OrderRow order(String outTradeNo, String tradeNo, long amount, OrderStatus status, String createdAt) {
        return new OrderRow(++line, outTradeNo, tradeNo, "open-" + outTradeNo, amount, "SAR", status, OffsetDateTime.parse(createdAt).toInstant());
    }
}
