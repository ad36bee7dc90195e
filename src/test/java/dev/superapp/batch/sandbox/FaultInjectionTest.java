package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class FaultInjectionTest {

    private final List<SandboxServer> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(SandboxServer::close);
    }

    @Test
    void failNextHttp500AnswersThatManyRequestsThenRecoversWithoutHavingActed() {
        SandboxServer sandbox = start(SandboxCaller.settings());
        sandbox.platform().failNext(OpenApiPaths.TRADE_DETAIL, 2, Fault.HTTP_500);
        SandboxCaller caller = new SandboxCaller(sandbox);

        List<Integer> codes = IntStream.range(0, 3).mapToObj(i -> detail(caller).httpCode()).toList();

        assertThat(codes).containsExactly(500, 500, 200);
        assertThat(sandbox.platform().detailReads("T1")).isEqualTo(1);
        assertThat(sandbox.platform().requestCount(OpenApiPaths.TRADE_DETAIL)).isEqualTo(3);
    }

    @Test
    void failNextOnlyStrikesTheEndpointItNames() {
        SandboxServer sandbox = start(SandboxCaller.settings());
        sandbox.platform().failNext(OpenApiPaths.TRADE_CLOSE, 1, Fault.HTTP_500);

        assertThat(detail(new SandboxCaller(sandbox)).httpCode()).isEqualTo(200);
    }

    @Test
    void failNextHttp429AsksToRetryAfterOneSecond() {
        SandboxServer sandbox = start(SandboxCaller.settings());
        sandbox.platform().failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.HTTP_429);

        SandboxCaller.Reply reply = detail(new SandboxCaller(sandbox));

        assertThat(reply.httpCode()).isEqualTo(429);
        assertThat(reply.retryAfter()).isEqualTo("1");
        assertThat(reply.status()).isEqualTo(429);
    }

    @Test
    void failNextHttp503AnswersAGatewayPageThatIsNotJson() {
        SandboxServer sandbox = start(SandboxCaller.settings());
        sandbox.platform().failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.HTTP_503);

        SandboxCaller.Reply reply = detail(new SandboxCaller(sandbox));

        assertThat(reply.httpCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("service unavailable");
    }

    @Test
    void failNextStatus500InBodyAnswersHttp200WithAServerFaultInTheEnvelope() {
        SandboxServer sandbox = start(SandboxCaller.settings());
        sandbox.platform().failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.STATUS_500_IN_BODY);

        SandboxCaller.Reply reply = detail(new SandboxCaller(sandbox));

        assertThat(reply.httpCode()).isEqualTo(200);
        assertThat(reply.status()).isEqualTo(500);
        assertThat(sandbox.platform().detailReads("T1")).isZero();
    }

    @Test
    void failNextTimeoutActsThenDropsTheConnectionUnansweredAfterTheHang() {
        SandboxServer sandbox = start(SandboxCaller.settings().withTimeoutHang(Duration.ofMillis(300)));
        sandbox.platform().failNext(OpenApiPaths.TRADE_CLOSE, 1, Fault.TIMEOUT);
        SandboxCaller caller = new SandboxCaller(sandbox);
        long started = System.nanoTime();

        assertThatThrownBy(() -> caller.post(OpenApiPaths.TRADE_CLOSE, Map.of("tradeNo", "T1")))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sandbox.platform().closeCalls("T1")).isEqualTo(1);
        assertThat(sandbox.platform().transactionStatus("T1")).isEqualTo(6);
    }

    @Test
    void failNextMalformedJsonActsThenAnswersABodyThatDoesNotParse() {
        SandboxServer sandbox = start(SandboxCaller.settings());
        sandbox.platform().failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.MALFORMED_JSON);

        SandboxCaller.Reply reply = detail(new SandboxCaller(sandbox));

        assertThat(reply.httpCode()).isEqualTo(200);
        assertThatThrownBy(reply::json).isInstanceOf(JacksonException.class);
        assertThat(sandbox.platform().detailReads("T1")).isEqualTo(1);
    }

    @Test
    void failNextDroppedAfterActingClosesTheTradeThenDropsTheConnectionWithoutWaiting() {
        // A hang far beyond the client's read timeout: a drop that waited for it would fail the call as a timeout.
        SandboxServer sandbox = start(SandboxCaller.settings().withTimeoutHang(Duration.ofMinutes(5)));
        sandbox.platform().failNext(OpenApiPaths.TRADE_CLOSE, 1, Fault.DROPPED_AFTER_ACTING);
        SandboxCaller caller = new SandboxCaller(sandbox, Duration.ofSeconds(30));

        assertThatThrownBy(() -> caller.post(OpenApiPaths.TRADE_CLOSE, Map.of("tradeNo", "T1")))
                .isInstanceOf(UncheckedIOException.class)
                .rootCause().isNotInstanceOf(java.net.SocketTimeoutException.class);

        assertThat(sandbox.platform().closeCalls("T1")).isEqualTo(1);
        assertThat(sandbox.platform().transactionStatus("T1")).isEqualTo(6);
    }

    @Test
    void failNextSlowAnswerActsThenAnswersNormallyAfterTheHang() {
        SandboxServer sandbox = start(SandboxCaller.settings().withTimeoutHang(Duration.ofMillis(300)));
        sandbox.platform().failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.SLOW_ANSWER);
        long started = System.nanoTime();

        SandboxCaller.Reply reply = detail(new SandboxCaller(sandbox));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().path("transactionStatus").asInt()).isEqualTo(1);
        assertThat(sandbox.platform().detailReads("T1")).isEqualTo(1);
    }

    @Test
    void failNextNoPayloadActsThenAnswersSuccessWithoutTheResponse() {
        SandboxServer sandbox = start(SandboxCaller.settings());
        sandbox.platform().failNext(OpenApiPaths.TRADE_CLOSE, 1, Fault.NO_PAYLOAD);

        SandboxCaller.Reply reply = new SandboxCaller(sandbox).post(OpenApiPaths.TRADE_CLOSE, Map.of("tradeNo", "T1"));

        assertThat(reply.httpCode()).isEqualTo(200);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("response")).isFalse();
        assertThat(sandbox.platform().transactionStatus("T1")).isEqualTo(6);
    }

    @Test
    void whenRequestArrivesCompletesAtTheNthRequestOfThatEndpointOnly() {
        SandboxServer sandbox = start(SandboxCaller.settings());
        SandboxCaller caller = new SandboxCaller(sandbox);
        CompletableFuture<Void> second = sandbox.platform().whenRequestArrives(OpenApiPaths.TRADE_DETAIL, 2);

        caller.post(OpenApiPaths.TRADE_CLOSE, Map.of("tradeNo", "T1"));
        detail(caller);
        boolean afterOne = second.isDone();
        detail(caller);

        assertThat(afterOne).isFalse();
        assertThat(second).isCompleted();
        assertThat(sandbox.platform().whenRequestArrives(OpenApiPaths.TRADE_DETAIL, 2)).isCompleted();
    }

    @Test
    void failNextRefusesAPathTheSandboxDoesNotServe() {
        SandboxServer sandbox = start(SandboxCaller.settings());

        assertThatThrownBy(() -> sandbox.platform().failNext("/neuopenapi/pay/tradedetail", 1, Fault.HTTP_500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/neuopenapi/pay/tradedetail");
    }

    @Test
    void randomFaultsFollowTheSeedSoARunRepeats() {
        SandboxSettings faulty = SandboxCaller.settings().withFaultRates(FaultRates.uniform(0.1))
                .withTimeoutHang(Duration.ofMillis(20));

        List<String> first = outcomes(start(faulty.withSeed(7)), 40);
        List<String> again = outcomes(start(faulty.withSeed(7)), 40);
        List<String> otherSeed = outcomes(start(faulty.withSeed(8)), 40);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).contains("200/200").anyMatch(outcome -> !outcome.equals("200/200"));
    }

    @Test
    void latencyDelaysEveryAnswerRefusalsIncluded() {
        SandboxServer sandbox = start(SandboxCaller.settings().withLatency(Duration.ofMillis(250)));
        SandboxCaller caller = new SandboxCaller(sandbox);
        long started = System.nanoTime();

        SandboxCaller.Reply notFound = caller.get(OpenApiPaths.TRADE_DETAIL, Map.of("tradeNo", "nope"));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void servesConcurrentRequestsInParallel() {
        SandboxServer sandbox = start(SandboxCaller.settings().withLatency(Duration.ofMillis(300)));
        SandboxCaller caller = new SandboxCaller(sandbox);
        long started = System.nanoTime();

        List<CompletableFuture<SandboxCaller.Reply>> calls = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> detail(caller))).toList();

        assertThat(calls).allSatisfy(call -> assertThat(call.join().status()).isEqualTo(200));
        // Twenty answers of 300 ms each, one after another, would take 6 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aboveItsCapacityItThrottlesWith429AndRetryAfter() {
        SandboxServer sandbox = start(SandboxCaller.settings().withCapacityPerSecond(5));
        SandboxCaller caller = new SandboxCaller(sandbox);

        List<SandboxCaller.Reply> replies = IntStream.range(0, 20).mapToObj(i -> detail(caller)).toList();

        assertThat(replies).filteredOn(reply -> reply.httpCode() == 200).hasSizeGreaterThanOrEqualTo(5);
        assertThat(replies).filteredOn(reply -> reply.httpCode() == 429).isNotEmpty()
                .allSatisfy(reply -> assertThat(reply.retryAfter()).isEqualTo("1"));
        assertThat(sandbox.platform().throttledCount())
                .isEqualTo(replies.stream().filter(reply -> reply.httpCode() == 429).count());
    }

    private SandboxServer start(SandboxSettings settings) {
        SandboxServer sandbox = SandboxServer.start(settings);
        started.add(sandbox);
        sandbox.platform().addTrade(SandboxTrade.scripted("T1", "ORD-1", "open-1", 100, "USD",
                CloseBehaviour.CLOSES, 1));
        return sandbox;
    }

    private static SandboxCaller.Reply detail(SandboxCaller caller) {
        return caller.get(OpenApiPaths.TRADE_DETAIL, Map.of("tradeNo", "T1"));
    }

    /** What each of {@code count} sequential reads got: "http/status", "dropped" or "garbled". */
    private static List<String> outcomes(SandboxServer sandbox, int count) {
        SandboxCaller caller = new SandboxCaller(sandbox, Duration.ofSeconds(2));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                SandboxCaller.Reply reply = detail(caller);
                outcomes.add(reply.httpCode() == 503 ? "503" : reply.httpCode() + "/" + reply.status());
            } catch (UncheckedIOException dropped) {
                outcomes.add("dropped");
            } catch (JacksonException garbled) {
                outcomes.add("garbled");
            }
        }
        return outcomes;
    }
}
