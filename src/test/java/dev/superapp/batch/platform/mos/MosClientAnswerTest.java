package dev.superapp.batch.platform.mos;

import static dev.superapp.batch.platform.mos.MosFixture.answer;
import static dev.superapp.batch.platform.mos.MosFixture.code;
import static dev.superapp.batch.platform.mos.MosFixture.ok;
import static dev.superapp.batch.platform.mos.MosFixture.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.PlatformUnavailableException;
import dev.superapp.batch.platform.TradeDetail;
import dev.superapp.batch.platform.TradeNotFoundException;
import dev.superapp.batch.platform.TradeRef;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import mockwebserver3.MockWebServer;

/** How MOS answers become trade details the reconciliation can trust, or errors it reports. */
class MosClientAnswerTest {

    private final MockWebServer server = new MockWebServer();
    private final MosFixture.Waits waits = new MosFixture.Waits();
    private MosClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = MosFixture.client(server, waits);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"NOTPAY,1", "USERPAYING,1", "SUCCESS,2", "PAYERROR,3", "EXPIRED,4", "REVOKED,5", "CLOSED,6"})
    void mapsEveryMosOrderStatusOntoATransactionStatus(String status, int transactionStatus) {
        server.enqueue(ok(order("O-1", "10.00", "USD", status)));

        assertThat(client.orderQuery("O-1").transactionStatus()).isEqualTo(transactionStatus);
    }

    @Test
    void convertsTheDecimalTotalAmountToCentsAndKeepsTheAnswerAsEvidence() {
        server.enqueue(ok(order("O-1", "19.9", "KHR", "SUCCESS")));

        TradeDetail detail = client.orderQuery("O-1");

        assertThat(detail.amount()).isEqualTo(1990);
        assertThat(detail.currency()).isEqualTo("KHR");
        assertThat(detail.openId()).isEqualTo("open-1");
        assertThat(detail.tradeNo()).isEqualTo("pp-9");
        assertThat(detail.outTradeNo()).isEqualTo("O-1");
        assertThat(detail.rawAnswer()).contains("\"prepayId\":\"pp-9\"");
    }

    @Test
    void refusesAnAmountWithMoreDecimalsThanTheCurrencyHas() {
        server.enqueue(ok(order("O-1", "1.005", "USD", "SUCCESS")));
        server.enqueue(ok(order("O-1", "1.005", "USD", "SUCCESS")));
        server.enqueue(ok(order("O-1", "1.005", "USD", "SUCCESS")));
        server.enqueue(ok(order("O-1", "1.005", "USD", "SUCCESS")));
        server.enqueue(ok(order("O-1", "1.005", "USD", "SUCCESS")));

        assertThatThrownBy(() -> client.orderQuery("O-1")).isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("totalAmount '1.005' is not an amount of USD");
    }

    @Test
    void refusesAnAnswerAboutAnotherOrder() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(ok(order("O-2", "10.00", "USD", "SUCCESS")));
        }

        assertThatThrownBy(() -> client.orderQuery("O-1")).isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("it is about order O-2, not O-1");
    }

    @Test
    void reportsAStatusWithoutOutcomeAtOnceInsteadOfRetrying() {
        server.enqueue(ok(order("O-1", "10.00", "USD", "REFUND")));

        assertThatThrownBy(() -> client.orderQuery("O-1")).isInstanceOf(UnmappedOrderStatusException.class)
                .hasMessageContaining("'REFUND'");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void code404MeansTheOrderDoesNotExist() {
        server.enqueue(code(404, "order not found"));

        assertThatThrownBy(() -> client.tradeDetail(new TradeRef("O-1", null)))
                .isInstanceOf(TradeNotFoundException.class).hasMessageContaining("order not found");
    }

    @Test
    void retriesThrottlingAndFaultsButNotARefusal() {
        server.enqueue(answer(429, "{}"));
        server.enqueue(code(500, "system busy"));
        server.enqueue(ok(order("O-1", "10.00", "USD", "CLOSED")));
        server.enqueue(answer(200, "{\"code\":\"40001\",\"msg\":\"bad sign\",\"data\":null}"));

        assertThat(client.orderQuery("O-1").transactionStatus()).isEqualTo(TradeDetail.CLOSED);
        assertThatThrownBy(() -> client.orderQuery("O-1")).isInstanceOf(PlatformRejectedException.class)
                .hasMessageContaining("40001").hasMessageContaining("bad sign");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(waits.all()).hasSize(2);
    }

    @Test
    void cannotCloseAnOrderAndSendsNothingWhenAsked() {
        assertThat(client.tradeClose(new TradeRef("O-1", "pp-9"))).isEmpty();
        assertThat(client.canAskAbout(new TradeRef("O-1", null))).isTrue();
        assertThat(client.canAskAbout(new TradeRef(" ", "pp-9"))).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }
}
