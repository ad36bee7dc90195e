package dev.superapp.batch.platform.v2;

import tools.jackson.databind.JsonNode;

/**
 * A verified answer whose {@code result.resultStatus} is {@code S}.
 *
 * @param body      the whole answer, for the endpoint's own fields
 * @param rawAnswer the body exactly as received (and verified), kept as evidence
 */
public record V2Answer(String resultCode, String resultMessage, JsonNode body, String rawAnswer) {
}
