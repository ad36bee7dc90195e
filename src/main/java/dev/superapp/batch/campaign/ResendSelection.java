package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.system.UserInputException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recipient states a person chose to send again. An allow-list, not a deny-list: only UNKNOWN (the platform
 * may or may not have delivered it) and FAILED (it did not) can ever be chosen, so a state added later (SENT-like
 * or not) is never resent by accident.
 */
public record ResendSelection(Set<RecipientState> states) {

    public static final Set<RecipientState> ALLOWED = Collections.unmodifiableSet(
            EnumSet.of(RecipientState.UNKNOWN, RecipientState.FAILED));

    public ResendSelection {
        if (states.isEmpty() || !ALLOWED.containsAll(states)) {
            throw new UserInputException(choices() + "; " + states + " cannot be sent again");
        }
        states = Collections.unmodifiableSet(EnumSet.copyOf(states));
    }

    /** Reads {@code UNKNOWN}, {@code FAILED} or both, comma-separated, as {@code push --resend} takes them. */
    public static ResendSelection parse(String text) {
        Set<RecipientState> states = EnumSet.noneOf(RecipientState.class);
        for (String name : text.split(",", -1)) {
            String state = name.strip().toUpperCase(Locale.ROOT);
            if (ALLOWED.stream().noneMatch(allowed -> allowed.name().equals(state))) {
                throw new UserInputException(choices() + "; '" + name.strip() + "' is not one of them");
            }
            states.add(RecipientState.valueOf(state));
        }
        return new ResendSelection(states);
    }

    /** As stored and shown: {@code UNKNOWN,FAILED}, in the order of {@link RecipientState}. */
    public String text() {
        return states.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String choices() {
        return "only " + Arrays.stream(RecipientState.values()).filter(ALLOWED::contains)
                .map(Enum::name).collect(Collectors.joining(" or ")) + " recipients can be sent again";
    }
}
