package dev.superapp.batch.cli;

import dev.superapp.batch.sandbox.FaultRates;
import dev.superapp.batch.sandbox.LimiterShape;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.sandbox.SandboxTradesFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox [--port=N] [--gone-ids=ID,...]}: the platform simulator on its own, until the process is stopped (or
 * its thread interrupted).
 */
@Command(name = "sandbox", description = {"Run the platform simulator (SuperApp, card form, MOS) alone until stopped (Ctrl-C).",
        "Prints the environment lines that point the other commands at it."})
final class SandboxCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8089", description = "Port on 127.0.0.1 (0: a free one). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--app-id", defaultValue = DemoSamples.APP_ID, description = "The appid it accepts. Default: ${DEFAULT-VALUE}.")
    private String appId;

    @Option(names = "--secret", defaultValue = DemoSamples.SECRET, description = "The secret it verifies signatures with.")
    private String secret;

    @Option(names = "--trades", description = "A trades file (trade_no,out_trade_no,open_id,amount,currency,statuses,close_behaviour); default: the demo's samples.")
    private Path trades;

    @Option(names = "--latency", defaultValue = "0ms", description = "Delay before every answer, e.g. 50ms. Default: ${DEFAULT-VALUE}.")
    private Duration latency;

    @Option(names = "--fault-rate", defaultValue = "0", description = "Share of requests (0..1) answered with a random fault.")
    private double faultRate;

    @Option(names = {"--capacity", "--rate"}, defaultValue = "0", description = "Requests per second it serves before answering 429 (0: unlimited).")
    private double capacity;

    @Option(names = "--limiter", defaultValue = "bucket", converter = LimiterShapeConverter.class, description = "How it counts them: fixed (per calendar second), sliding (any second) or bucket (token bucket). Default: ${DEFAULT-VALUE}.")
    private LimiterShape limiter;

    @Option(names = "--gone-ids", split = ",", paramLabel = "ID", description = "Card-form uniqueIds that no longer exist: "
            + "a request carrying one is refused with code 30001 (\"User unique ID does not exist\"), as every uniqueId starting with "
            + SandboxPlatform.GONE_UNIQUE_ID_PREFIX + " is; a campaign then adds them to the suppression list.")
    private List<String> goneIds = List.of();

    @Override
    public Integer call() throws InterruptedException {
        SandboxSettings settings = SandboxSettings.defaults(appId, secret).withPort(port).withLatency(latency)
                .withFaultRates(FaultRates.uniform(faultRate)).withCapacityPerSecond(capacity).withLimiter(limiter);
        try (SandboxServer server = SandboxServer.start(settings)) {
            server.platform().addTrades(trades == null ? DemoSamples.platformTrades() : SandboxTradesFile.read(trades));
            server.platform().markGoneUniqueIds(goneIds.stream().map(String::strip).filter(id -> !id.isEmpty()).toList());
            PrintWriter out = spec.commandLine().getOut();
            new SandboxCredentials(server.baseUrl(), settings).lines().forEach(out::println);
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sandbox-stop"));
            stopped.await();
        }
        return 0;
    }
}
