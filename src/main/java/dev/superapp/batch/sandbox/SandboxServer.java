package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process simulator of the SuperApp OpenAPI (seed 001), the card form (seed 003) and the MOS
 * open-apis (seed 002, {@code /open-apis/...}, appKey and appSecret = appId and secret) for the
 * demo, tests and local development: the JDK's HTTP server on 127.0.0.1, answering
 * {@code baseUrl() + /neuopenapi/...} and {@code baseUrl() + /cardform/cmd/...} as the platforms do,
 * with scripted trades, recorded pushes, latency and injected faults. {@code superapp.base-url} and
 * {@code cardform.base-url} are both {@code baseUrl()}; the card form's credentials are
 * {@link SandboxSettings#cardForm()}.
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults(appId, secret))) {
 *     sandbox.platform().addTrades(SandboxTradesFile.read(path));
 *     ... point superapp.base-url at sandbox.baseUrl() ...
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    // Room for benchmark bursts: connections queue here while the pool picks them up.
    private static final int BACKLOG = 512;

    static {
        // The JDK server writes headers and body as two segments; with Nagle on, a keep-alive client's
        // delayed ACK then adds ~40 ms to every answer. Read once, when the first HttpServer is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final SandboxPlatform platform;

    private SandboxServer(HttpServer http, ExecutorService executor, SandboxPlatform platform) {
        this.http = http;
        this.executor = executor;
        this.platform = platform;
    }

    /**
     * Starts listening and returns once requests are accepted.
     *
     * @throws UncheckedIOException if the port cannot be bound (for example, it is in use)
     */
    public static SandboxServer start(SandboxSettings settings) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(HOST, settings.port()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox cannot listen on " + HOST + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        SandboxPlatform platform = new SandboxPlatform(settings);
        // A cached pool: a hanging timeout or a slow answer must not hold up the other requests.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        http.setExecutor(executor);
        http.createContext("/", new SandboxHttpHandler(platform, settings));
        http.start();
        return new SandboxServer(http, executor, platform);
    }

    /** For example {@code http://127.0.0.1:41234}; append the {@code /neuopenapi/...} or {@code /cardform/cmd/...} paths. */
    public String baseUrl() {
        return "http://" + HOST + ":" + port();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public SandboxPlatform platform() {
        return platform;
    }

    /** Stops at once: open connections are dropped and hanging requests interrupted. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "superapp-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
