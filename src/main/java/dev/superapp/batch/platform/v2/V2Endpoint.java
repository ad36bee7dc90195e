package dev.superapp.batch.platform.v2;

/**
 * One v2 endpoint, {@code /api/open/v2/<name>}, for example {@code payments/inquiry}.
 *
 * @param name the part after {@code v2/}, without a leading slash
 */
public record V2Endpoint(String name) {

    public V2Endpoint {
        if (name == null || !name.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*")) {
            throw new IllegalArgumentException("not a v2 endpoint name: " + name);
        }
    }

    String path() {
        return "/api/open/v2/" + name;
    }

    String label() {
        return "v2 " + name;
    }
}
