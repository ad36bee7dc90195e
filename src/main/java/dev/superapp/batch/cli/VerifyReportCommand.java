package dev.superapp.batch.cli;

import dev.superapp.batch.report.ManifestCheck;
import dev.superapp.batch.report.ManifestUnreadableException;
import dev.superapp.batch.report.ReportManifests;
import dev.superapp.batch.system.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code verify-report <report.csv>}: checks a reconciliation report's files against the manifest beside it. */
@Command(name = "verify-report", description = {
        "Check that a reconciliation report and the files beside it match their manifest (and its HMAC when "
                + "reports.signing-key is set).",
        "Exit code: 0 all match, 1 a file (named) or the HMAC does not, 2 bad input (no such report or manifest)."})
final class VerifyReportCommand implements Callable<Integer> {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<report.csv>", description = "A reconciliation-<date>-<id>.csv report.")
    private Path report;

    @Override
    public Integer call() {
        if (!report.getFileName().toString().endsWith(".csv") || !Files.isRegularFile(report)) {
            throw new UserInputException("verify-report: " + report + " is not a report file (reconciliation-<date>-<id>.csv)");
        }
        return root.inContext(context -> {
            ManifestCheck check;
            try {
                check = context.getBean(ReportManifests.class).check(report);
            } catch (ManifestUnreadableException e) {
                throw new UserInputException("verify-report: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            check.problems().forEach(problem -> out.println("DOES NOT MATCH " + problem));
            switch (check.signature()) {
                case GOOD -> out.println("HMAC matches reports.signing-key");
                case NOT_CHECKED -> out.println("HMAC not checked: reports.signing-key is not set");
                case UNSIGNED -> out.println("the manifest is not signed (set reports.signing-key to sign manifests)");
                case BAD -> { }
            }
            out.println(check.matches() ? "OK every file matches " + check.manifest()
                    : "FAILED " + check.problems().size() + " problem(s) against " + check.manifest());
            out.flush();
            return check.matches() ? 0 : CommandErrors.FAILED;
        });
    }
}
