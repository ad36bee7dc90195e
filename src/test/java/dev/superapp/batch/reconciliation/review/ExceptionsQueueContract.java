package dev.superapp.batch.reconciliation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.superapp.batch.reconciliation.AuditEntry;
import dev.superapp.batch.reconciliation.OrderAudit;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.TestSandbox;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The exceptions queue and its resolutions on a real database, re-checks against the sandbox. */
@SpringBootTest(properties = {"reconciliation.poll-interval=20ms"})
abstract class ExceptionsQueueContract {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAYS_3 = Duration.ofDays(3).plus(HOUR);

    @Autowired ExceptionsQueue queue;
    @Autowired OrderResolver resolver;
    @Autowired OrderAudit audit;
    @Autowired JdbcClient jdbc;

    final SandboxPlatform sandbox = TestSandbox.platform();
    final String prefix = "Q" + UUID.randomUUID().toString().substring(0, 8) + "-";
    OrderBook book;

    @BeforeEach
    void book() {
        book = new OrderBook(jdbc, prefix);
    }

    @Test
    void listsReviewErrorAndLongProcessingOrdersAcrossRunsWithTheirAgeAndFilters() {
        book.order("review", "REVIEW", "USD", DAYS_3);
        book.decided("review", "AMOUNT_MISMATCH", DAYS_3);
        book.order("error", "PENDING", "SAR", HOUR);
        book.decided("error", "ERROR", HOUR);
        book.order("slow", "PENDING", "SAR", Duration.ofDays(2));
        book.decided("slow", "STILL_PROCESSING", HOUR);
        book.order("young", "PENDING", "SAR", HOUR);
        book.decided("young", "STILL_PROCESSING", HOUR);
        book.order("paid", "PAID", "USD", DAYS_3);
        book.decided("paid", "MATCHED", DAYS_3);
        book.order("recovered", "PENDING", "SAR", Duration.ofHours(6));
        book.decided("recovered", "ERROR", Duration.ofHours(5));
        book.decided("recovered", "STILL_PROCESSING", HOUR);

        assertThat(mine(QueueFilter.ALL)).extracting(OpenOrder::outTradeNo, OpenOrder::lastOutcome)
                .containsExactly(tuple(prefix + "review", "AMOUNT_MISMATCH"),
                        tuple(prefix + "slow", "STILL_PROCESSING"),
                        tuple(prefix + "error", "ERROR"));
        assertThat(mine(QueueFilter.ALL).get(0).ageDays(queue.now())).isEqualTo(3);
        assertThat(mine(new QueueFilter("ERROR", 0, ""))).extracting(OpenOrder::outTradeNo).containsExactly(prefix + "error");
        assertThat(mine(new QueueFilter("", 2, ""))).extracting(OpenOrder::outTradeNo)
                .containsExactly(prefix + "review", prefix + "slow");
        assertThat(mine(new QueueFilter("", 0, "USD"))).extracting(OpenOrder::outTradeNo).containsExactly(prefix + "review");
    }

    @Test
    void acceptAsPaidMovesTheOrderAndAppendsWhoWhenWhyAndThePlatformsAnswer() throws Exception {
        sandbox.addTrade(SandboxTrade.scripted(prefix + "accept", prefix + "accept", "open-a", 130000, "USD",
                CloseBehaviour.CLOSES, 2));
        long id = book.order("accept", "REVIEW", "USD", DAYS_3);
        book.decided("accept", "AMOUNT_MISMATCH", DAYS_3);

        OrderResolver.Resolved resolved = resolver.resolve(prefix + "accept", Resolution.PAID,
                "bank statement 2026-11-25 shows 1,301.00", "console:fin");

        assertThat(resolved.statusAfter()).isEqualTo("PAID");
        assertThat(book.status("accept")).isEqualTo("PAID");
        assertThat(audit.of(id)).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(AuditEntry.RESOLUTION);
            assertThat(entry.resolution()).isEqualTo("PAID");
            assertThat(entry.actor()).isEqualTo("console:fin");
            assertThat(entry.statusBefore()).isEqualTo("REVIEW");
            assertThat(entry.statusAfter()).isEqualTo("PAID");
            assertThat(entry.reason()).isEqualTo("bank statement 2026-11-25 shows 1,301.00");
            assertThat(entry.platformAnswer()).startsWith("tradedetail @ ").contains("\"transactionStatus\":2");
        });
        assertThat(queue.find(prefix + "accept")).isEmpty();
    }

    @Test
    void refusesAResolutionWithoutAReasonOrForAnOrderThatIsNotOpen() {
        book.order("open", "REVIEW", "USD", DAYS_3);
        book.order("settled", "PAID", "USD", DAYS_3);

        assertThatThrownBy(() -> resolver.resolve(prefix + "open", Resolution.FAILED, " ", "os:fin"))
                .isInstanceOf(ResolutionRefusedException.class).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> resolver.resolve(prefix + "settled", Resolution.FAILED, "why", "os:fin"))
                .isInstanceOf(ResolutionRefusedException.class).hasMessageContaining("is PAID and not open");
        assertThatThrownBy(() -> resolver.resolve(prefix + "nothing", Resolution.FAILED, "why", "os:fin"))
                .hasMessage("there is no order " + prefix + "nothing");
        assertThat(book.status("open")).isEqualTo("REVIEW");
        assertThat(audit.of(book.id("open"))).isEmpty();
    }

    @Test
    void recheckAsksThePlatformNowAndDecidesAsTheJobWould() throws Exception {
        sandbox.addTrade(SandboxTrade.scripted(prefix + "paid-now", prefix + "paid-now", "open-a", 130100, "SAR",
                CloseBehaviour.CLOSES, 2));
        sandbox.addTrade(SandboxTrade.scripted(prefix + "still", prefix + "still", "open-a", 130100, "SAR",
                CloseBehaviour.CLOSES, 1));
        book.order("paid-now", "PENDING", "SAR", HOUR);
        book.decided("paid-now", "ERROR", HOUR);
        book.order("still", "REVIEW", "SAR", Duration.ofMinutes(10));

        OrderResolver.Resolved paid = resolver.resolve(prefix + "paid-now", Resolution.RECHECK, "platform was down", "os:fin");
        OrderResolver.Resolved still = resolver.resolve(prefix + "still", Resolution.RECHECK, "try again", "os:fin");

        assertThat(paid.outcome()).isEqualTo("MATCHED");
        assertThat(book.status("paid-now")).isEqualTo("PAID");
        assertThat(still.outcome()).isEqualTo("STILL_PROCESSING");
        assertThat(book.status("still")).as("an outcome that leaves PENDING changes nothing").isEqualTo("REVIEW");
        assertThat(audit.of(book.id("still"))).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo("STILL_PROCESSING");
            assertThat(entry.platformAnswer()).contains("\"transactionStatus\":1");
        });
        assertThat(mine(QueueFilter.ALL)).extracting(OpenOrder::outTradeNo, OpenOrder::lastOutcome)
                .containsExactly(tuple(prefix + "still", "STILL_PROCESSING"));
    }

    @Test
    void acceptAsPaidIsRefusedWhenItsTradeAlreadyPaysAnotherOrder() {
        book.order("first", "PAID", "USD", DAYS_3);
        book.order("second", "REVIEW", "USD", DAYS_3);
        jdbc.sql("UPDATE payment_order SET trade_no = ? WHERE out_trade_no = ?").params(prefix + "first", prefix + "second").update();

        assertThatThrownBy(() -> resolver.resolve(prefix + "second", Resolution.PAID, "customer says so", "os:fin"))
                .isInstanceOf(ResolutionRefusedException.class).hasMessageContaining("one payment pays one order");
        assertThat(book.status("second")).isEqualTo("REVIEW");
        assertThat(audit.of(book.id("second"))).isEmpty();
    }

    private List<OpenOrder> mine(QueueFilter filter) {
        return queue.list(filter, 1000).stream().filter(order -> order.outTradeNo().startsWith(prefix)).toList();
    }
}
