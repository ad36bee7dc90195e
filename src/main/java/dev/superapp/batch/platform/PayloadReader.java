package dev.superapp.batch.platform;

import tools.jackson.databind.JsonNode;

/**
 * Turns the payload of a platform's success answer (SuperApp's {@code response}, the card form's and
 * MOS's {@code data}) into a result, given the raw body as evidence.
 */
@FunctionalInterface
public interface PayloadReader<T> {
    T read(JsonNode payload, String rawAnswer) throws UnusableAnswer;
}
