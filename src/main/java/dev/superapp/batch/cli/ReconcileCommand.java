package dev.superapp.batch.cli;

import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationPlatform;
import dev.superapp.batch.reconciliation.ReconciliationProperties;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reconcile [--business-date=YYYY-MM-DD]}: one reconciliation run now. */
@Command(name = "reconcile", description = {
        "Reconcile every PENDING order with the platform now and write the report.",
        "Exit code: 0 completed, 1 failed (restart it with 'restart <id>'), 2 bad arguments or configuration."})
final class ReconcileCommand implements Callable<Integer> {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--business-date", paramLabel = "YYYY-MM-DD",
            description = "Names the run and its report; default: today in reconciliation.time-zone.")
    private LocalDate businessDate;

    @Override
    public Integer call() {
        return root.inContext(context -> {
            context.getBean(ReconciliationPlatform.class).chosen().requireConfigured();
            LocalDate date = businessDate != null ? businessDate
                    : LocalDate.now(context.getBean(ReconciliationProperties.class).timeZone());
            return ReconciliationRunPrinter.print(
                    context.getBean(ReconciliationLauncher.class).run(date, Map.of()),
                    spec.commandLine().getOut());
        });
    }
}
