package dev.superapp.batch.cli;

import dev.superapp.batch.reconciliation.OrderImporter;
import dev.superapp.batch.reconciliation.OrderRow;
import dev.superapp.batch.reconciliation.OrdersFile;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole service on a fresh machine with nothing configured — the sandbox on a
 * free port, an embedded H2 database of its own under {@code ./data}, the sample orders, one
 * reconciliation, the summary and the report path.
 */
@Command(name = "demo", description = "Run a reconciliation against the built-in platform sandbox with sample data.")
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_DATABASE = "jdbc:h2:file:./data/demo;MODE=MySQL";

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults(DemoSamples.APP_ID, DemoSamples.SECRET))) {
            sandbox.platform().addTrades(DemoSamples.platformTrades());
            List<OrderRow> orders = OrdersFile.read(DemoSamples.extract("orders.csv", Path.of("data", "demo-samples")));
            Map<String, String> properties = Map.of(
                    "spring.datasource.url", DEMO_DATABASE,
                    "superapp.base-url", sandbox.baseUrl(),
                    "superapp.app-id", DemoSamples.APP_ID,
                    "superapp.secret", DemoSamples.SECRET,
                    "reconciliation.poll-interval", "500ms");
            return root.inContext(properties, context -> {
                OrderImporter.Result imported = context.getBean(OrderImporter.class).importOrders(orders);
                out.printf("sandbox platform on %s; %d sample orders set to their starting status%n",
                        sandbox.baseUrl(), imported.total());
                out.println();
                ReconciliationRun run = context.getBean(ReconciliationLauncher.class).run(LocalDate.now(), Map.of());
                return ReconciliationRunPrinter.print(run, out);
            });
        }
    }
}
