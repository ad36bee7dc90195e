package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import dev.superapp.batch.platform.cardform.JsonMemberText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A card-form request as the platform sees it: the JSON body, its {@code data} object both parsed
 * and as the exact text received (the text the {@code sign} covers: a re-serialization could differ
 * in spacing or escapes), and the {@code Accept-Timezone} header.
 *
 * @param rawData the {@code data} object cut from the body exactly as it arrived
 */
record CardFormRequest(String path, String timezone, JsonNode body, String rawData) {

    private static final String JSON_TYPE = "application/json";
    // Two values for one key would leave open which one was signed.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** @throws RequestRefused 10004 for a body that is not a JSON object, 20007 when {@code data} is missing */
    static CardFormRequest read(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(JSON_TYPE)) {
            throw CardFormCode.DATA_NOT_JSON.refused("the body must be " + JSON_TYPE);
        }
        String text;
        try (InputStream in = exchange.getRequestBody()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JacksonException e) {
            throw CardFormCode.DATA_NOT_JSON.refused("the body is not JSON");
        }
        if (!body.isObject()) {
            throw CardFormCode.DATA_NOT_JSON.refused("the body is not a JSON object");
        }
        JsonNode data = body.path("data");
        if (data.isMissingNode() || data.isNull()) {
            throw CardFormCode.DATA_MISSING.refused("data is missing");
        }
        if (!data.isObject()) {
            throw CardFormCode.DATA_NOT_JSON.refused("data is not a JSON object");
        }
        return new CardFormRequest(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Accept-Timezone"), body, JsonMemberText.of(JSON, text, "data").orElseThrow());
    }

    /** A top-level field as text (a number as written); null when absent or null. */
    String field(String name) {
        JsonNode value = body.path(name);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    /** A top-level field that must be present and not blank; otherwise the request is refused with 20009. */
    String required(String name) {
        String value = field(name);
        if (value == null || value.isBlank()) {
            throw CardFormCode.VALUE_EMPTY.refused(name + " is missing");
        }
        return value;
    }

    JsonNode data() {
        return body.path("data");
    }
}
