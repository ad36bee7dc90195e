package dev.superapp.batch.console.campaigns;

import java.util.List;

/**
 * One field of a channel's section in the campaign form, named as in the YAML definition so that the
 * definition's own validation speaks about the field the person filled in.
 *
 * @param kind    how it is entered and how its text becomes YAML
 * @param choices the allowed values of a choice, the first being the default
 */
public record FormField(String name, String label, Kind kind, boolean required, List<String> choices, String hint) {

    public enum Kind {
        /** A line of text, kept as text. */
        TEXT,
        /** Several lines of text, kept as text. */
        LONG_TEXT,
        /** A whole number; text that is not one is left as text for the definition to refuse. */
        NUMBER,
        /** One of {@link #choices}, kept as text. */
        CHOICE,
        /** One of {@link #choices}, written as a number. */
        NUMBER_CHOICE,
        /** A YAML mapping written in a text area (card form material). */
        YAML_MAPPING,
        /** One {@code name=value} per line (card form labels). */
        LABELS
    }

    static FormField text(String name, String label, boolean required, String hint) {
        return new FormField(name, label, Kind.TEXT, required, List.of(), hint);
    }
}
