package dev.superapp.batch.platform.cardform;

/**
 * What {@code getCardForm} answered with code 0. Seed 003 does not describe the {@code data} of
 * this answer, so it is handed over as the JSON text it arrived as.
 *
 * @param data      the answer's {@code data} as JSON text, or null when it had none
 * @param rawAnswer the answer body exactly as received, kept as evidence
 */
public record CardFormQueryResult(String data, String rawAnswer) {
}
