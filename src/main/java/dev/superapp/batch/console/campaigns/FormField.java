package dev.superapp.batch.console.campaigns;

import java.util.List;

/**
 * One field of a channel's section in the campaign form, named as in the YAML definition so that the
 * definition's own validation speaks about the field the person filled in.
 *
 * @param kind     how it is entered and how its text becomes YAML
 * @param choices  the allowed values of a choice with what each means, the first being the default
 * @param rowKeys  for rows: the keys a new form starts with (card material's imageUrl and clickUrl)
 */
public record FormField(String name, String label, Kind kind, boolean required, List<Choice> choices, String hint,
                        List<String> rowKeys) {

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
        /** Key and value rows, written as a mapping (card form material). */
        MAPPING_ROWS,
        /** Name and value rows, written as a list of {@code labelName}/{@code labelValue} (card form labels). */
        LABEL_ROWS
    }

    /** A value of a choice and what it means, as the seed says it. */
    public record Choice(String value, String meaning) {
    }

    static FormField text(String name, String label, boolean required, String hint) {
        return new FormField(name, label, Kind.TEXT, required, List.of(), hint, List.of());
    }

    static FormField of(String name, String label, Kind kind, boolean required, String hint) {
        return new FormField(name, label, kind, required, List.of(), hint, List.of());
    }

    static FormField choice(String name, String label, Kind kind, String hint, Choice... choices) {
        return new FormField(name, label, kind, true, List.of(choices), hint, List.of());
    }

    static FormField rows(String name, String label, Kind kind, boolean required, String hint, String... rowKeys) {
        return new FormField(name, label, kind, required, List.of(), hint, List.of(rowKeys));
    }

    public boolean rows() {
        return kind == Kind.MAPPING_ROWS || kind == Kind.LABEL_ROWS;
    }
}
