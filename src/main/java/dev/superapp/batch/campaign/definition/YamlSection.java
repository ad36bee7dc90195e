package dev.superapp.batch.campaign.definition;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One mapping of a definition (the top level, a message section, a label) read field by field. Every
 * problem is recorded and reading goes on, so one run reports all of them; a value that has a problem
 * reads as null or 0, and the definition is then thrown away.
 */
final class YamlSection {

    private final JsonNode node;
    private final String path;
    private final String requiredBy;
    private final DefinitionProblems problems;

    /**
     * @param path       the field path of this mapping for messages ({@code activity}, {@code cardform.labels[0]}),
     *                   empty for the top level
     * @param requiredBy who needs the required fields, for messages ({@code sendActivity})
     */
    YamlSection(JsonNode node, String path, String requiredBy, DefinitionProblems problems) {
        this.path = path;
        this.requiredBy = requiredBy;
        this.problems = problems;
        if (node.isObject()) {
            this.node = node;
        } else {
            problems.add(path, "must be a mapping of fields, not " + describe(node));
            this.node = MissingNode.getInstance();
        }
    }

    /** Typos must not silently drop a field: every name not in {@code known} is a problem. */
    void rejectUnknown(Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problem(name, "unknown field (expected one of " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** The field's value, or null when it is absent or explicitly null. */
    JsonNode get(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** A required text field; numbers are taken as written ({@code templateId: 1}). A blank value is a problem too. */
    String text(String name) {
        if (get(name) == null) {
            problem(name, "missing; " + requiredBy + " requires it");
            return null;
        }
        String value = optionalText(name);
        if (value != null && value.isBlank()) {
            problem(name, "is empty; " + requiredBy + " requires a value");
        }
        return value;
    }

    /** A required text field that must also have {@code format}. */
    String text(String name, SeedFormats.Format format) {
        return checked(name, text(name), format);
    }

    /** An optional text field that, when given, must have {@code format}. */
    String optionalText(String name, SeedFormats.Format format) {
        return checked(name, optionalText(name), format);
    }

    private String checked(String name, String value, SeedFormats.Format format) {
        if (value != null && !value.isBlank() && !format.matches(value)) {
            problem(name, format.rule() + ", not '" + value + "'");
        }
        return value;
    }

    /** An optional text field, null when absent; numbers are taken as written. */
    String optionalText(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (value.isString() || value.isIntegralNumber()) {
            return value.asString();
        }
        problem(name, "must be text, not " + describe(value));
        return null;
    }

    /** A required whole number (a YAML number or quoted digits) that passes {@code valid}, else 0. */
    long whole(String name, LongPredicate valid, String rule) {
        JsonNode value = get(name);
        if (value == null) {
            problem(name, "missing; " + requiredBy + " requires it");
            return 0;
        }
        Long number = value.isIntegralNumber() && value.canConvertToLong() ? Long.valueOf(value.longValue())
                : value.isString() && value.stringValue().matches("-?\\d{1,18}") ? Long.valueOf(value.stringValue())
                : null;
        if (number == null || !valid.test(number)) {
            problem(name, rule + ", not " + describe(value));
            return 0;
        }
        return number;
    }

    /** A mapping inside this one, such as a list entry, read under the same problem list. */
    YamlSection child(JsonNode value, String name, String requiredBy) {
        return new YamlSection(value, field(name), requiredBy, problems);
    }

    void problem(String name, String message) {
        problems.add(field(name), message);
    }

    private String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String describe(JsonNode value) {
        return value.isContainer() ? (value.isArray() ? "a list" : "a mapping") : "'" + value.asString() + "'";
    }
}
