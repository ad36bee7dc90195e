package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the platform sees it: method, path and the parameters of the query string and
 * the {@code x-www-form-urlencoded} body together (the body wins when both carry a name). A
 * name given several times is a list, joined with ',' as the signature scheme joins lists.
 */
record SandboxRequest(String method, String path, Map<String, String> params) {

    private static final String FORM = "application/x-www-form-urlencoded";

    static SandboxRequest read(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        parseInto(exchange.getRequestURI().getRawQuery(), params);
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!body.isEmpty()) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
                throw RequestRefused.badRequest("the body must be " + FORM);
            }
            Map<String, String> form = new LinkedHashMap<>();
            parseInto(body, form);
            params.putAll(form);
        }
        return new SandboxRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), params);
    }

    private static void parseInto(String encoded, Map<String, String> params) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(name, value, (earlier, later) -> earlier + "," + later);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest("the parameters are not properly URL-encoded");
        }
    }

    /** A parameter that must be present and not blank; otherwise the request is refused with status 400. */
    String required(String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw RequestRefused.badRequest("missing required parameter " + name);
        }
        return value;
    }

    long requiredLong(String name) {
        String value = required(name);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw RequestRefused.badRequest("parameter " + name + " must be an integer");
        }
    }

    /** A comma-separated list; an empty item (as in {@code a,,b}) is refused. */
    List<String> requiredList(String name) {
        List<String> items = Arrays.stream(required(name).split(",", -1)).map(String::trim).toList();
        if (items.stream().anyMatch(String::isEmpty)) {
            throw RequestRefused.badRequest("parameter " + name + " has an empty item");
        }
        return items;
    }
}
