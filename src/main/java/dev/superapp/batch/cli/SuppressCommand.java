package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.audience.SuppressionFile;
import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.Suppression;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.system.UserInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code suppress add|remove|list}: the recipients who must never get a push. The list is kept per id kind
 * ({@code open_id} for activity and notify, {@code unique_id} for card forms), applied when an audience is staged
 * and again just before each request is sent.
 */
@Command(name = "suppress", description = {"Manage the suppression list: recipients who never get a push.",
        "open_id entries stop activity cards and notifications, unique_id entries stop card forms."},
        subcommands = {SuppressCommand.Add.class, SuppressCommand.Remove.class, SuppressCommand.ListSuppressed.class})
final class SuppressCommand implements Runnable {

    @ParentCommand
    SuperappCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String byThisUser() {
        return "os:" + System.getProperty("user.name");
    }

    @Command(name = "add", description = {"Add the ids of a CSV file (header open_id or unique_id) to the list.",
            "The whole file is checked first: one bad line adds nothing."})
    static final class Add implements Callable<Integer> {

        @ParentCommand
        private SuppressCommand suppress;

        @Parameters(paramLabel = "<file.csv>", description = "A CSV whose header names open_id or unique_id.")
        private Path file;

        @Option(names = "--reason", defaultValue = "added from the command line",
                description = "Why they must not be pushed, kept with each id (default: ${DEFAULT-VALUE}).")
        private String reason;

        @Override
        public Integer call() {
            // Checked before Spring starts: a bad file is reported without a database.
            SuppressionFile.Contents contents = SuppressionFile.read(file);
            int added = suppress.root.inContext(context -> context.getBean(SuppressionList.class)
                    .add(contents.kind(), contents.ids(), reason, byThisUser()));
            long distinct = contents.ids().stream().distinct().count();
            suppress.spec.commandLine().getOut().printf("added %d %s to the suppression list (%d already on it)%n",
                    added, contents.kind().column(), distinct - added);
            return 0;
        }
    }

    @Command(name = "remove", description = "Take an id off the list, so that later campaigns may push it again.")
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        private SuppressCommand suppress;

        @Parameters(paramLabel = "ID", description = "The open_id or unique_id, exactly as listed.")
        private String id;

        @Override
        public Integer call() {
            List<RecipientIdKind> removed = suppress.root.inContext(context -> context.getBean(SuppressionList.class).remove(id));
            if (removed.isEmpty()) {
                throw new UserInputException(id + " is not on the suppression list (see: suppress list --search=" + id + ")");
            }
            suppress.spec.commandLine().getOut().println("removed " + id + " ("
                    + removed.stream().map(RecipientIdKind::column).collect(Collectors.joining(", ")) + ")");
            return 0;
        }
    }

    @Command(name = "list", description = "List the suppressed ids, newest first, with why, who and when.")
    static final class ListSuppressed implements Callable<Integer> {

        @ParentCommand
        private SuppressCommand suppress;

        @Option(names = "--search", description = "Only ids or reasons containing this text (any case).")
        private String search;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
        private int limit;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new UserInputException("--limit must be at least 1, was " + limit);
            }
            List<Suppression> listed = suppress.root.inContext(
                    context -> context.getBean(SuppressionList.class).list(search, limit));
            if (listed.isEmpty()) {
                suppress.spec.commandLine().getOut().println(search == null ? "the suppression list is empty"
                        : "nothing on the suppression list matches " + search);
                return 0;
            }
            TextTable table = new TextTable("KIND", "ID", "REASON", "ADDED_BY", "ADDED_AT");
            listed.forEach(s -> table.row(s.kind().column(), s.recipientId(), s.reason(), s.addedBy(), s.addedAt()));
            table.print(suppress.spec.commandLine().getOut());
            return 0;
        }
    }
}
