package dev.superapp.batch.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The line for a command name that does not exist: the commands there are, and the nearest one when the name
 * looks like a typo of it ({@code reconcil} → {@code reconcile}), by edit distance or as the start of its name.
 */
record UnknownCommand(CommandLine parent, String typed) {

    String message() {
        String prefix = parent.getParent() == null ? "" : parent.getCommandName() + " ";
        List<String> names = List.copyOf(parent.getSubcommands().keySet());
        String suggestion = nearest(names).map(name -> "; did you mean '" + prefix + name + "'?").orElse("");
        return "unknown command '" + prefix + typed + "'" + suggestion + " Commands: " + String.join(", ", names)
                + " (see '" + parent.getCommandSpec().qualifiedName() + " --help')";
    }

    private Optional<String> nearest(List<String> names) {
        return names.stream()
                .filter(name -> name.startsWith(typed) || distance(typed, name) <= Math.max(2, name.length() / 3))
                .min(Comparator.comparingInt(name -> distance(typed, name)));
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from {@code a} to {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
