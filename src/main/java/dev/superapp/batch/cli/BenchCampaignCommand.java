package dev.superapp.batch.cli;

import dev.superapp.batch.bench.AudienceWorkload;
import dev.superapp.batch.bench.ChildJvm;
import dev.superapp.batch.bench.Machine;
import dev.superapp.batch.bench.Throughput;
import dev.superapp.batch.sandbox.LimiterShape;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench campaign}: an activity campaign pushed by {@code push} in a child JVM with a small heap, against
 * a sandbox with the given latency and capacity (429 with {@code Retry-After: 1} above it). Requests per second
 * of {@code sendPushesStep} alone, and the share of requests the sandbox throttled; first with one request in
 * flight (the baseline, on a smaller audience), then with {@code --max-in-flight}.
 */
@Command(name = "campaign", description = "Requests per second of campaignJob's send step against a throttling sandbox.")
final class BenchCampaignCommand implements Callable<Integer> {

    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--recipients", defaultValue = "1000000", description = "Audience size. Default: ${DEFAULT-VALUE}.")
    private long recipients;

    @Option(names = "--baseline-recipients", defaultValue = "2000",
            description = "Audience of the baseline run (one request in flight is slow). Default: ${DEFAULT-VALUE}.")
    private long baselineRecipients;

    @Option(names = "--latency", defaultValue = "50ms", description = "Sandbox delay before every answer. Default: ${DEFAULT-VALUE}.")
    private Duration latency;

    @Option(names = "--capacity", defaultValue = "200",
            description = "Requests per second the sandbox serves before answering 429 (0: unlimited). Default: ${DEFAULT-VALUE}.")
    private double capacity;

    @Option(names = "--max-in-flight", defaultValue = "32", description = "platform.max-in-flight. Default: ${DEFAULT-VALUE}.")
    private int maxInFlight;

    @Option(names = "--rate-limit", defaultValue = "0",
            description = "platform.rate-limit, a hard ceiling of the adaptive rate; 0: not set (or as configured), so"
                    + " that the limiter has to find the platform's rate itself. Default: ${DEFAULT-VALUE}.")
    private double rateLimit;

    @Option(names = "--limiter", defaultValue = "bucket", converter = LimiterShapeConverter.class,
            description = "How the sandbox counts requests against its capacity: fixed, sliding or bucket. Default: ${DEFAULT-VALUE}.")
    private LimiterShape limiter;

    @Option(names = "--job-heap", defaultValue = "256m", description = "-Xmx of the child JVM that runs the job. Default: ${DEFAULT-VALUE}.")
    private String jobHeap;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("bench campaign: %d recipients in requests of 50 (baseline %d), latency %d ms, capacity %.0f/s (%s), "
                        + "max-in-flight %d, rate-limit %s, job heap -Xmx%s, database %s; %s%n", recipients, baselineRecipients,
                latency.toMillis(), capacity, limiter.name().toLowerCase(Locale.ROOT), maxInFlight,
                rateLimit > 0 ? rateLimit + "/s" : "not set (found)", jobHeap,
                bench.databaseUrl(), Machine.describe());
        out.flush();
        Path dir = Files.createTempDirectory("superapp-bench-campaign-");
        String tag = Long.toString(System.currentTimeMillis(), 36);
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults(DemoSamples.APP_ID, DemoSamples.SECRET)
                .withLatency(latency).withCapacityPerSecond(capacity).withLimiter(limiter))) {
            Sent slow = push(sandbox, new AudienceWorkload("baseline-" + tag, baselineRecipients), 1, dir);
            out.printf("baseline, max-in-flight 1: %s; %s%n", slow.describe(), Machine.describe());
            out.flush();
            Sent fast = push(sandbox, new AudienceWorkload("bench-" + tag, recipients), maxInFlight, dir);
            out.printf("ours, max-in-flight %d: %s; %s%n", maxInFlight, fast.describe(), Machine.describe());
            if (capacity > 0) {
                out.printf("capacity %.0f requests/s; ours reached %.1f %% of it%n", capacity,
                        100 * fast.sendStep().perSecond() / capacity);
            }
            out.printf("ratio ours / baseline: %.1f%n", fast.sendStep().perSecond() / slow.sendStep().perSecond());
        }
        out.flush();
        return 0;
    }

    private Sent push(SandboxServer sandbox, AudienceWorkload workload, int inFlight, Path dir) {
        Path definition = workload.writeInto(dir);
        Map<String, String> properties = new LinkedHashMap<>(Map.of(
                "superapp.base-url", sandbox.baseUrl(),
                "superapp.app-id", DemoSamples.APP_ID,
                "superapp.secret", DemoSamples.SECRET,
                "reports.dir", dir.resolve("reports").toString(),
                "platform.max-in-flight", String.valueOf(inFlight)));
        if (rateLimit > 0) {
            properties.put("platform.rate-limit", String.valueOf(rateLimit));
        }
        properties.putAll(bench.userProperties());
        SandboxPlatform platform = sandbox.platform();
        long requestsBefore = platform.requestCount(OpenApiPaths.SEND_ACTIVITY);
        long throttledBefore = platform.throttledCount();
        Path log = dir.resolve(workload.campaignId() + ".log");
        int exitCode = ChildJvm.run(jobHeap, List.of("push", definition.toString()), properties, log);
        if (exitCode != 0) {
            throw new IllegalStateException("push of the benchmark campaign exited with " + exitCode + "; see " + log);
        }
        long requests = platform.requestCount(OpenApiPaths.SEND_ACTIVITY) - requestsBefore;
        long throttled = platform.throttledCount() - throttledBefore;
        return new Sent(sendStep(workload.campaignId()), requests, throttled);
    }

    /** Accepted requests over the send step's own time, read from the job repository the child wrote. */
    private Throughput sendStep(String campaignId) {
        return bench.inContext(Map.of(), context -> {
            // Read as Timestamp: MySQL's driver hands DATETIME to getObject as LocalDateTime, H2 as Timestamp.
            return context.getBean(JdbcClient.class).sql("""
                            SELECT s.START_TIME, s.END_TIME, s.WRITE_COUNT FROM BATCH_STEP_EXECUTION s
                            JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                            WHERE s.STEP_NAME = 'sendPushesStep' AND p.PARAMETER_NAME = 'campaign' AND p.PARAMETER_VALUE = ?
                            ORDER BY s.STEP_EXECUTION_ID DESC LIMIT 1""")
                    .param(campaignId)
                    .query((rs, row) -> new Throughput(rs.getLong("WRITE_COUNT"), Duration.between(
                            rs.getTimestamp("START_TIME").toInstant(), rs.getTimestamp("END_TIME").toInstant()), null))
                    .single();
        });
    }

    /** One push: its send step, and what the sandbox saw of it. */
    private record Sent(Throughput sendStep, long requests, long throttled) {

        String describe() {
            return String.format("send step %s; the sandbox saw %d requests, %d throttled (%.2f %%)",
                    sendStep.describe("requests"), requests, throttled, 100.0 * throttled / Math.max(1, requests));
        }
    }
}
