package dev.superapp.batch.console.campaigns;

/** One row of a field entered as rows: a key and its value (card material), or a label's name and value. */
public record FormRow(String key, String value) {

    boolean blank() {
        return key.isBlank() && value.isBlank();
    }
}
