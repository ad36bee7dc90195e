package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.reconciliation.OrderImporter;
import dev.superapp.batch.reconciliation.OrderRow;
import dev.superapp.batch.reconciliation.OrdersFile;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.SandboxCardForm;
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
 * reconciliation, then one sample campaign per channel, each with its summary and report path.
 * Every demo starts from an empty demo database, so it can be run again and again.
 */
@Command(name = "demo", description = "Try everything on sample data: the sandbox platform, one reconciliation and one campaign per channel.")
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_DATABASE = "jdbc:h2:file:./data/demo;MODE=MySQL";
    private static final Path SAMPLES = Path.of("data", "demo-samples");

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DemoSamples.forgetEarlierDemo(Path.of("data"));
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults(DemoSamples.APP_ID, DemoSamples.SECRET))) {
            sandbox.platform().addTrades(DemoSamples.platformTrades());
            List<OrderRow> orders = OrdersFile.read(DemoSamples.extract("orders.csv", SAMPLES));
            Map<String, String> properties = Map.of(
                    "spring.datasource.url", DEMO_DATABASE,
                    "superapp.base-url", sandbox.baseUrl(),
                    "superapp.app-id", DemoSamples.APP_ID,
                    "superapp.secret", DemoSamples.SECRET,
                    "cardform.base-url", sandbox.baseUrl(),
                    "cardform.miniapp-id", DemoSamples.APP_ID,
                    "cardform.biz-id", SandboxCardForm.DEFAULT_BIZ_ID,
                    "cardform.secret-access-key", DemoSamples.SECRET,
                    "reconciliation.poll-interval", "500ms");
            List<CampaignDefinition> campaigns = DemoSamples.campaigns(SAMPLES).stream()
                    .map(new CampaignDefinitionParser()::parse).toList();
            return root.inContext(properties, context -> {
                OrderImporter.Result imported = context.getBean(OrderImporter.class).importOrders(orders);
                out.printf("sandbox platform on %s; %d sample orders set to their starting status%n%n",
                        sandbox.baseUrl(), imported.total());
                ReconciliationRun run = context.getBean(ReconciliationLauncher.class).run(LocalDate.now(), Map.of());
                int exitCode = ReconciliationRunPrinter.print(run, out);
                for (CampaignDefinition campaign : campaigns) {
                    out.println();
                    exitCode = Math.max(exitCode, PushRunPrinter.print(context.getBean(CampaignLauncher.class).push(campaign), out));
                }
                return exitCode;
            });
        }
    }
}
