package dev.superapp.batch.campaign.definition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one definition, each one line: {@code <file>: <field>: <problem>}, or
 * {@code <field>: <problem>} for a definition that is not a file.
 */
final class DefinitionProblems {

    private final String prefix;
    private final List<String> lines = new ArrayList<>();

    DefinitionProblems(Path file) {
        this.prefix = file + ": ";
    }

    private DefinitionProblems() {
        this.prefix = "";
    }

    /** For a definition built in memory, such as the console's form: its fields are named alone. */
    static DefinitionProblems unnamed() {
        return new DefinitionProblems();
    }

    void add(String field, String problem) {
        lines.add(prefix + field + ": " + problem);
    }

    /** A problem of the file as a whole (unreadable, not YAML), where no field can be named. */
    void addForFile(String problem) {
        lines.add(prefix + problem);
    }

    void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new CampaignDefinitionException(lines);
        }
    }
}
