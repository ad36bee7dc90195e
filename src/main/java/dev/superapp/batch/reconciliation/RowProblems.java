package dev.superapp.batch.reconciliation;

import dev.superapp.batch.system.UserInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad rows of one orders file, collected in one pass so that a person fixes them all at once
 * instead of one per attempt: the first {@value #SHOWN} are listed, then how many more there are.
 * Not thread-safe: one per import.
 */
final class RowProblems {

    static final int SHOWN = 100;

    private final String source;
    private final List<String> shown = new ArrayList<>();
    private int count;

    RowProblems(String source) {
        this.source = source;
    }

    /** @param problem one line naming the file, line and what is wrong */
    void add(String problem) {
        count++;
        if (shown.size() < SHOWN) {
            shown.add(problem);
        }
    }

    /**
     * @throws UserInputException listing the problems, one a line; a single problem is the message alone
     */
    void throwIfAny() {
        if (count == 0) {
            return;
        }
        if (count == 1) {
            throw new UserInputException(shown.get(0));
        }
        StringBuilder message = new StringBuilder(String.join("\n", shown));
        if (count > shown.size()) {
            message.append("\n... and ").append(count - shown.size()).append(" more");
        }
        message.append('\n').append(source).append(": ").append(count).append(" bad rows; nothing was imported");
        throw new UserInputException(message.toString());
    }
}
