package dev.superapp.batch.platform;

import static dev.superapp.batch.platform.SuperAppFixture.detailJson;
import static dev.superapp.batch.platform.SuperAppFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SuperAppClientConcurrencyTest {

    private static final int MAX_IN_FLIGHT = 3;
    private static final int CALLS = 4 * MAX_IN_FLIGHT;

    private final MockWebServer server = new MockWebServer();
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLS);
    private final HoldingDispatcher dispatcher = new HoldingDispatcher();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(dispatcher);
        server.start();
    }

    @AfterEach
    void stop() {
        dispatcher.answerAll();
        callers.shutdownNow();
        server.close();
    }

    @Test
    void neverHasMoreRequestsInFlightThanAllowed() throws Exception {
        // Held requests must not time out: a retry after a timeout would rightly take a freed slot.
        SuperAppClient client = SuperAppFixture.client(server, new FakeTime(),
                RetryPolicy.defaults(Duration.ofSeconds(60)), MAX_IN_FLIGHT, Duration.ofSeconds(15));
        List<Future<TradeDetail>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(callers.submit(() -> client.tradeDetail("T-1001")));
        }

        // The bound is reached; a call slipping past it would arrive while these are held.
        assertThat(dispatcher.arrived.tryAcquire(MAX_IN_FLIGHT, 5, TimeUnit.SECONDS)).isTrue();
        assertThat(dispatcher.arrived.tryAcquire(1, 300, TimeUnit.MILLISECONDS)).isFalse();
        dispatcher.answerAll();

        for (Future<TradeDetail> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS).tradeNo()).isEqualTo("T-1001");
        }
        assertThat(dispatcher.maxOpen.get()).isEqualTo(MAX_IN_FLIGHT);
        assertThat(server.getRequestCount()).isEqualTo(CALLS);
    }

    /** Counts requests open at the server, holding each one until the test lets them all be answered. */
    private static final class HoldingDispatcher extends Dispatcher {
        private final Semaphore arrived = new Semaphore(0);
        private final Semaphore answering = new Semaphore(0);
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger maxOpen = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            arrived.release();
            try {
                answering.tryAcquire(10, TimeUnit.SECONDS);
            } finally {
                open.decrementAndGet();
            }
            return ok(detailJson("T-1001", 2));
        }

        void answerAll() {
            answering.release(CALLS * 2);
        }
    }
}
