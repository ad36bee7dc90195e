package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes the same way: capacity (429), then a fault that strikes before the platform
 * acts, then method, authentication and the endpoint, then a fault that strikes after it acted
 * (timeout, dropped connection, slow, garbled or bare answer, a bad gateway), then the latency, then the answer. The {@link Dialect} of the path
 * reads the request and words the answers.
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SandboxHttpHandler.class);

    private final SandboxPlatform platform;
    private final Map<String, Dialect> dialects;
    private final CapacityLimiter capacity;
    private final Duration latency;
    private final Duration timeoutHang;

    SandboxHttpHandler(SandboxPlatform platform, SandboxSettings settings) {
        this.platform = platform;
        this.dialects = platform.dialects(settings);
        this.capacity = settings.limiter().limiter(settings.capacityPerSecond(), CapacityLimiter.EPOCH_NANOS);
        this.latency = settings.latency();
        this.timeoutHang = settings.timeoutHang();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Dialect dialect = dialects.get(path);
            if (dialect == null) {
                pause(latency);
                send(exchange, SandboxAnswer.plainText(404, "no such endpoint"));
                return;
            }
            platform.countRequest(path);
            SandboxAnswer answer;
            platform.requestStarted();
            try {
                answer = answer(exchange, path, dialect);
            } finally {
                // Before the answer leaves: a client that gets it may send its next request at once.
                platform.requestFinished();
            }
            if (answer != null) {
                send(exchange, answer);
            }
        }
    }

    /** The answer to send once the platform is done with the request; null when the connection is dropped unanswered. */
    private SandboxAnswer answer(HttpExchange exchange, String path, Dialect dialect) {
        // Over capacity the platform throttles before anything else, and no random fault is drawn.
        Fault fault = capacity.tryAcquire() ? platform.faults().next(path).orElse(null) : Fault.HTTP_429;
        if (fault == Fault.HTTP_429) {
            platform.countThrottled();
        }
        SandboxAnswer answer = fault != null && !fault.afterActing() ? dialect.beforeActing(fault)
                : act(dialect, exchange);
        if (fault == Fault.TIMEOUT || fault == Fault.DROPPED_AFTER_ACTING) {
            // Closing the exchange without response headers drops the connection unanswered.
            pause(fault == Fault.TIMEOUT ? timeoutHang : Duration.ZERO);
            return null;
        }
        if (fault == Fault.SLOW_ANSWER) {
            pause(timeoutHang);
        }
        if (fault != null && fault.afterActing()) {
            answer = switch (fault) {
                case MALFORMED_JSON -> answer.garbled();
                case BAD_GATEWAY_AFTER_ACTING -> SandboxAnswer.plainText(502, "bad gateway: the upstream did not answer in time");
                case NO_OUT_TRADE_NO -> answer.withoutOutTradeNo();
                case NO_PAYLOAD -> answer.withoutPayload();
                default -> answer;
            };
        }
        pause(latency);
        return answer;
    }

    private static SandboxAnswer act(Dialect dialect, HttpExchange exchange) {
        try {
            return dialect.act(exchange);
        } catch (IOException | RuntimeException bug) {
            // Only the path is logged: parameters carry signatures and personal data.
            log.error("sandbox failed to answer {}", exchange.getRequestURI().getPath(), bug);
            return dialect.sandboxError();
        }
    }

    private static void send(HttpExchange exchange, SandboxAnswer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        if (answer.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfterSeconds());
        }
        exchange.sendResponseHeaders(answer.httpStatus(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // The server is closing: give up the answer and let the exchange close.
            Thread.currentThread().interrupt();
        }
    }
}
