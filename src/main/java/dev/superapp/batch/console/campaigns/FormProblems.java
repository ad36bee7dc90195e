package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.definition.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems of a refused form, each put next to the field it is about and said in the form's words: the
 * definition names fields as {@code notify.url} or {@code cardform.labels[0].labelValue}; the form shows "Web
 * address" with the rest of the sentence under it. A problem no field owns stays at the top.
 */
public record FormProblems(Map<String, List<String>> byField, List<String> general) {

    static final FormProblems NONE = new FormProblems(Map.of(), List.of());

    private static final Pattern LIST_ENTRY = Pattern.compile("^\\[(\\d+)]\\.?");

    /** The form's own fields, outside the channel's section. */
    private static final List<String> OWN_FIELDS = List.of("campaign", "audience", "timeZone", "notAfter");

    static FormProblems of(Channel channel, List<String> problems) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        List<String> fields = new ArrayList<>(OWN_FIELDS);
        ChannelForms.fields(channel).forEach(field -> fields.add(channel.key() + "." + field.name()));
        for (String problem : problems) {
            String owner = fields.stream().filter(field -> owns(field, problem)).findFirst().orElse(null);
            if (owner == null) {
                general.add(problem);
            } else {
                String name = owner.substring(owner.indexOf('.') + 1);
                byField.computeIfAbsent(name, key -> new ArrayList<>()).add(inFormWords(problem.substring(owner.length())));
            }
        }
        return new FormProblems(byField, general);
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    public int count() {
        return general.size() + byField.values().stream().mapToInt(List::size).sum();
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** {@code notify.url: ...}, {@code cardform.text.imageUrl: ...} and {@code cardform.labels[1]...: ...} are about that field. */
    private static boolean owns(String field, String problem) {
        return problem.startsWith(field) && problem.length() > field.length()
                && ":.[".indexOf(problem.charAt(field.length())) >= 0;
    }

    /**
     * What follows the field's name: ": missing; sendNotify requires it" becomes "Required: sendNotify needs it",
     * ".imageUrl: ..." keeps the row's name, "[0].labelValue: ..." names the row as people count, "Row 1, labelValue: ...".
     */
    private static String inFormWords(String rest) {
        String text = rest.startsWith(": ") ? rest.substring(2) : rest.startsWith(".") ? rest.substring(1) : rest;
        Matcher row = LIST_ENTRY.matcher(text);
        if (row.find()) {
            text = "row " + (Integer.parseInt(row.group(1)) + 1) + ", " + text.substring(row.end());
        }
        text = text.replaceFirst("(^|: )missing; (.+) requires it", "$1required: $2 needs it")
                .replaceFirst("(^|: )is empty; (.+) requires a value", "$1required: $2 needs a value");
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
