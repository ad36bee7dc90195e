package dev.superapp.batch.campaign.definition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The problems found in one definition file, each one line: {@code <file>: <field>: <problem>}. */
final class DefinitionProblems {

    private final String file;
    private final List<String> lines = new ArrayList<>();

    DefinitionProblems(Path file) {
        this.file = file.toString();
    }

    void add(String field, String problem) {
        lines.add(file + ": " + field + ": " + problem);
    }

    /** A problem of the file as a whole (unreadable, not YAML), where no field can be named. */
    void addForFile(String problem) {
        lines.add(file + ": " + problem);
    }

    void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new CampaignDefinitionException(lines);
        }
    }
}
