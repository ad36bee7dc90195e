package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.superapp.batch.platform.SuperAppSigner;
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
 * (timeout, malformed JSON), then the latency, then the answer.
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SandboxHttpHandler.class);

    private final SandboxPlatform platform;
    private final Map<String, Route> routes;
    private final RequestAuthenticator authenticator;
    private final CapacityLimiter capacity;
    private final Duration latency;
    private final Duration timeoutHang;

    SandboxHttpHandler(SandboxPlatform platform, SandboxSettings settings) {
        this.platform = platform;
        this.routes = platform.routes(settings.appId());
        this.authenticator = new RequestAuthenticator(settings.appId(), new SuperAppSigner(settings.secret()),
                platform.clock());
        this.capacity = new CapacityLimiter(settings.capacityPerSecond());
        this.latency = settings.latency();
        this.timeoutHang = settings.timeoutHang();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Route route = routes.get(path);
            if (route == null) {
                pause(latency);
                send(exchange, SandboxAnswer.plainText(404, "no such endpoint"));
                return;
            }
            platform.countRequest(path);
            // Over capacity the platform throttles before anything else, and no random fault is drawn.
            Fault fault = capacity.tryAcquire() ? platform.faults().next(path).orElse(null) : Fault.HTTP_429;
            SandboxAnswer answer = fault != null && !fault.afterActing() ? beforeActing(fault) : act(route, exchange);
            if (fault == Fault.TIMEOUT) {
                // Closing the exchange without response headers drops the connection unanswered.
                pause(timeoutHang);
                return;
            }
            if (fault == Fault.MALFORMED_JSON) {
                answer = answer.garbled();
            }
            pause(latency);
            send(exchange, answer);
        }
    }

    private SandboxAnswer act(Route route, HttpExchange exchange) {
        try {
            SandboxRequest request = SandboxRequest.read(exchange);
            if (!route.method().equals(request.method())) {
                return SandboxAnswer.envelope(405, 405, "use " + route.method(), null);
            }
            authenticator.check(request);
            return route.endpoint().apply(request);
        } catch (RequestRefused refused) {
            return SandboxAnswer.refused(refused.status(), refused.getMessage());
        } catch (IOException | RuntimeException bug) {
            // Only the path is logged: parameters carry signatures and personal data.
            log.error("sandbox failed to answer {}", exchange.getRequestURI().getPath(), bug);
            return SandboxAnswer.envelope(500, 500, "sandbox error", null);
        }
    }

    private static SandboxAnswer beforeActing(Fault fault) {
        return switch (fault) {
            case HTTP_500 -> SandboxAnswer.envelope(500, 500, "internal server error", null);
            case HTTP_503 -> SandboxAnswer.plainText(503, "service unavailable");
            case HTTP_429 -> SandboxAnswer.throttled();
            case STATUS_500_IN_BODY -> SandboxAnswer.refused(500, "system busy, please try again later");
            case TIMEOUT, MALFORMED_JSON -> throw new IllegalArgumentException(fault + " strikes after acting");
        };
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
