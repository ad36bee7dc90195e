package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A MOS request as the platform sees it: a JSON object of text fields (seed 002 signs fields as
 * text), {@code appKey} and {@code sign} among them.
 */
record MosRequest(String path, Map<String, String> fields) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** @throws RequestRefused 400 for a body that is not a JSON object of text fields */
    static MosRequest read(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw RequestRefused.badRequest("the body must be application/json");
        }
        String text;
        try (InputStream in = exchange.getRequestBody()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JacksonException e) {
            throw RequestRefused.badRequest("the body is not JSON");
        }
        if (!body.isObject()) {
            throw RequestRefused.badRequest("the body is not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getValue().isString() && !field.getValue().isNull()) {
                throw RequestRefused.badRequest(field.getKey() + " is not text");
            }
            fields.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().stringValue());
        }
        return new MosRequest(exchange.getRequestURI().getPath(), fields);
    }

    String required(String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw RequestRefused.badRequest(name + " is missing");
        }
        return value;
    }
}
