package dev.superapp.batch.cli;

import dev.superapp.batch.reconciliation.OrderImporter;
import dev.superapp.batch.reconciliation.OrderRow;
import dev.superapp.batch.reconciliation.OrdersFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code import-orders <file.csv> [--force]}: inserts the merchant's new orders and updates those still PENDING;
 * a change to a settled order needs {@code --force} and is recorded with the operating-system user who ran it.
 */
@Command(name = "import-orders", description = {
        "Insert new orders and update PENDING ones from a CSV file into payment_order, all or nothing.",
        "Every bad row is listed (the first 100). Columns, in any order:",
        "out_trade_no,trade_no,open_id,amount,currency,status,created_at"})
final class ImportOrdersCommand implements Callable<Integer> {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<file.csv>", description = "The orders file (UTF-8, header row).")
    private Path file;

    @Option(names = "--force", description = "Also change orders already settled (PAID, FAILED, EXPIRED, CANCELED, "
            + "CLOSED, REVIEW, REFUND_NEEDED); each change is recorded in order_audit with who ran it.")
    private boolean force;

    @Override
    public Integer call() {
        // The whole file is checked before Spring starts: a bad file is reported without a database.
        List<OrderRow> orders = OrdersFile.read(file);
        OrderImporter.Options options = OrderImporter.Options.byThisUser(file.toString(), force);
        OrderImporter.Result result = root.inContext(
                context -> context.getBean(OrderImporter.class).importOrders(orders, options));
        spec.commandLine().getOut().printf("imported %d orders (%d new, %d updated)%n",
                result.total(), result.inserted(), result.updated());
        if (result.forced() > 0) {
            spec.commandLine().getOut().printf("forced %d change(s) to settled orders; recorded in order_audit%n",
                    result.forced());
        }
        return 0;
    }
}
