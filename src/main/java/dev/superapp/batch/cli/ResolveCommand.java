package dev.superapp.batch.cli;

import dev.superapp.batch.reconciliation.review.OrderResolver;
import dev.superapp.batch.reconciliation.review.Resolution;
import dev.superapp.batch.system.UserInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code resolve <out_trade_no> --as=PAID|FAILED|REFUND_NEEDED|RECHECK --reason=TEXT}: what the console's
 * exceptions queue does, for one order, recorded under the operating-system user who runs it.
 */
@Command(name = "resolve", description = {
        "Resolve an order of the exceptions queue: accept it as paid, mark it failed or refund needed, or re-check it now.",
        "Open orders are REVIEW, or PENDING after ERROR or processing for over a day.",
        "Recorded in order_audit with who, when, status before -> after, the reason and the platform's answer."})
final class ResolveCommand implements Callable<Integer> {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<out_trade_no>", description = "The merchant's order number.")
    private String outTradeNo;

    @Option(names = "--as", required = true, paramLabel = "PAID|FAILED|REFUND_NEEDED|RECHECK",
            description = "PAID (accept as paid), FAILED, REFUND_NEEDED, or RECHECK (ask the platform now and decide as the job would).")
    private Resolution resolution;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; recorded with the resolution. Required.")
    private String reason;

    @Override
    public Integer call() {
        if (reason.isBlank()) {
            throw new UserInputException("--reason must say why " + outTradeNo + " is resolved; it is empty");
        }
        String actor = "os:" + System.getProperty("user.name");
        OrderResolver.Resolved resolved = root.inContext(context -> {
            try {
                return context.getBean(OrderResolver.class).resolve(outTradeNo, resolution, reason, actor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking the platform", e);
            }
        });
        spec.commandLine().getOut().printf("%s %s: %s -> %s%s%n", resolved.outTradeNo(), resolution.done(),
                resolved.statusBefore(), resolved.statusAfter(),
                resolved.outcome() == null ? "" : " (" + resolved.outcome() + ": " + resolved.detail() + ")");
        return 0;
    }
}
