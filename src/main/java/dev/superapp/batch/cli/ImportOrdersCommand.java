package dev.superapp.batch.cli;

import dev.superapp.batch.reconciliation.OrderImporter;
import dev.superapp.batch.reconciliation.OrderRow;
import dev.superapp.batch.reconciliation.OrdersFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code import-orders <file.csv>}: upserts the merchant's orders into {@code payment_order}. */
@Command(name = "import-orders", description = {
        "Upsert merchant orders from a CSV file into payment_order, all or nothing.",
        "Columns, in any order: out_trade_no,trade_no,open_id,amount,currency,status,created_at"})
final class ImportOrdersCommand implements Callable<Integer> {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<file.csv>", description = "The orders file (UTF-8, header row).")
    private Path file;

    @Override
    public Integer call() {
        // The whole file is checked before Spring starts: a bad file is reported without a database.
        List<OrderRow> orders = OrdersFile.read(file);
        OrderImporter.Result result = root.inContext(context -> context.getBean(OrderImporter.class).importOrders(orders));
        spec.commandLine().getOut().printf("imported %d orders (%d new, %d updated)%n",
                result.total(), result.inserted(), result.updated());
        return 0;
    }
}
