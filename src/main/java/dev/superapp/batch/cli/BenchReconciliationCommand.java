package dev.superapp.batch.cli;

import dev.superapp.batch.bench.CpuClock;
import dev.superapp.batch.bench.Machine;
import dev.superapp.batch.bench.Throughput;
import dev.superapp.batch.bench.TradeWorkload;
import dev.superapp.batch.reconciliation.OrderImporter;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench reconciliation}: PENDING orders whose trades all succeeded, reconciled against a sandbox with
 * the given latency, first with one request in flight (the baseline), then with {@code --max-in-flight};
 * orders per second from the job's start to its end, and CPU time per order.
 */
@Command(name = "reconciliation", description = "Orders per second of reconciliationJob, against a baseline of one request in flight.")
final class BenchReconciliationCommand implements Callable<Integer> {

    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--orders", defaultValue = "20000", description = "PENDING orders. Default: ${DEFAULT-VALUE}.")
    private int orders;

    @Option(names = "--baseline-orders", defaultValue = "400",
            description = "Orders of the baseline run (one request in flight is slow). Default: ${DEFAULT-VALUE}.")
    private int baselineOrders;

    @Option(names = "--latency", defaultValue = "50ms", description = "Sandbox delay before every answer. Default: ${DEFAULT-VALUE}.")
    private Duration latency;

    @Option(names = "--max-in-flight", defaultValue = "32", description = "platform.max-in-flight. Default: ${DEFAULT-VALUE}.")
    private int maxInFlight;

    @Option(names = "--rate-limit", defaultValue = "0",
            description = "platform.rate-limit; 0: twice the bound max-in-flight / latency, so it does not limit. Default: ${DEFAULT-VALUE}.")
    private double rateLimit;

    @Option(names = "--chunk-size", defaultValue = "0", description = "reconciliation.chunk-size; 0: the configured one.")
    private int chunkSize;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        double bound = latency.isZero() ? Double.NaN : maxInFlight / (latency.toNanos() / 1e9);
        double rate = rateLimit > 0 ? rateLimit : latency.isZero() ? 1_000_000 : 2 * bound;
        out.printf("bench reconciliation: %d orders (baseline %d), latency %d ms, max-in-flight %d, rate-limit %.0f/s, "
                        + "chunk-size %s, database %s; %s%n", orders, baselineOrders, latency.toMillis(), maxInFlight, rate,
                chunkSize > 0 ? chunkSize : "default", bench.databaseUrl(), Machine.describe());
        out.flush();
        TradeWorkload baseline = new TradeWorkload("baseline", baselineOrders);
        TradeWorkload ours = new TradeWorkload("bench", orders);
        try (SandboxServer sandbox = SandboxServer.start(
                SandboxSettings.defaults(DemoSamples.APP_ID, DemoSamples.SECRET).withLatency(latency))) {
            sandbox.platform().addTrades(baseline.trades());
            sandbox.platform().addTrades(ours.trades());
            Throughput slow = reconcile(sandbox, baseline, 1, rate).throughput();
            out.printf("baseline, max-in-flight 1: %s; %s%n", slow.describe("orders"), Machine.describe());
            out.flush();
            MeasuredRun measured = reconcile(sandbox, ours, maxInFlight, rate);
            Throughput fast = measured.throughput();
            out.printf("ours, max-in-flight %d: %s; %s%n", maxInFlight, fast.describe("orders"), Machine.describe());
            out.printf("its steps: %s%n", measured.steps());
            if (!latency.isZero()) {
                out.printf("bound max-in-flight / latency: %.0f orders/s; ours reached %.1f %% of it%n", bound,
                        100 * fast.perSecond() / bound);
            }
            out.printf("ratio ours / baseline: %.1f%n", fast.perSecond() / slow.perSecond());
        }
        out.flush();
        return 0;
    }

    /** A run's throughput, and how long each of its steps took, e.g. {@code reconcileOrdersStep 32.3 s, writeReportStep 1.2 s}. */
    private record MeasuredRun(Throughput throughput, String steps) {
    }

    private MeasuredRun reconcile(SandboxServer sandbox, TradeWorkload workload, int inFlight, double rate) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "superapp.base-url", sandbox.baseUrl(),
                "superapp.app-id", DemoSamples.APP_ID,
                "superapp.secret", DemoSamples.SECRET,
                "platform.max-in-flight", String.valueOf(inFlight),
                "platform.rate-limit", String.valueOf(rate)));
        if (chunkSize > 0) {
            properties.put("reconciliation.chunk-size", String.valueOf(chunkSize));
        }
        return bench.inContext(properties, context -> {
            context.getBean(OrderImporter.class).importOrders(workload.orders());
            CpuClock cpu = CpuClock.start();
            ReconciliationRun run = context.getBean(ReconciliationLauncher.class).run(LocalDate.now(), Map.of());
            Duration cpuUsed = cpu.withoutSandbox();
            if (!run.completed() || run.summary().orders() != workload.size()) {
                throw new IllegalStateException("the benchmark run " + run.executionId() + " did not reconcile every order: "
                        + run.status() + " " + run.failure());
            }
            JobExecution execution = context.getBean(JobRepository.class).getJobExecution(run.executionId());
            // The job's time from its start to its end is the figure; its steps show which part of it is fixed.
            String steps = execution.getStepExecutions().stream()
                    .map(step -> String.format("%s %.1f s", step.getStepName(),
                            Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1e3))
                    .collect(Collectors.joining(", "));
            return new MeasuredRun(new Throughput(workload.size(),
                    Duration.between(execution.getStartTime(), execution.getEndTime()), cpuUsed), steps);
        });
    }
}
