package dev.superapp.batch.console.campaigns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * What a person typed into a channel's section of the campaign form: one value per field ({@code field.<name>}),
 * and for a field entered as rows, its rows ({@code rows.<name>.key} and {@code rows.<name>.value}, one pair a row).
 */
record FormValues(Map<String, String> fields, Map<String, List<FormRow>> rows) {

    static final FormValues NONE = new FormValues(Map.of(), Map.of());

    static FormValues of(Map<String, String> fields) {
        return new FormValues(fields, Map.of());
    }

    /** The form's fields and rows, by the names the form gives them, so that none collides with campaign or _csrf. */
    static FormValues from(MultiValueMap<String, String> parameters) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<FormRow>> rows = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith("field.") && !values.isEmpty()) {
                fields.put(name.substring("field.".length()), values.get(0));
            } else if (name.startsWith("rows.") && name.endsWith(".key")) {
                String field = name.substring("rows.".length(), name.length() - ".key".length());
                List<String> keys = values;
                List<String> texts = parameters.getOrDefault("rows." + field + ".value", List.of());
                List<FormRow> entered = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    entered.add(new FormRow(keys.get(i).strip(), i < texts.size() ? texts.get(i).strip() : ""));
                }
                rows.put(field, entered);
            }
        });
        return new FormValues(fields, rows);
    }

    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    /** The rows typed, blank ones included (the form shows them again as they were). */
    List<FormRow> rows(String name) {
        return rows.getOrDefault(name, List.of());
    }
}
