package dev.superapp.batch.campaign.definition;

import dev.superapp.batch.system.UserInputException;
import java.util.List;

/**
 * A campaign definition that must not be sent, with every problem found: one line each, naming the
 * file and the field. The message is those lines, so the command line prints it as is and exits 2.
 */
public class CampaignDefinitionException extends UserInputException {

    private final List<String> problems;

    public CampaignDefinitionException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
