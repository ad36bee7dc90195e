package dev.superapp.batch.platform;

/**
 * What {@code tradeclose} answered.
 *
 * @param closed    {@code true} if the platform closed the trade; {@code false} if it could not
 *                  (for example because the customer paid at the last second)
 * @param rawAnswer the answer body exactly as received, kept as evidence
 */
public record CloseAnswer(boolean closed, String rawAnswer) {
}
