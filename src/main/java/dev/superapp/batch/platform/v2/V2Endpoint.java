package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.CallKind;
import dev.superapp.batch.platform.PlatformEndpoint;

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

    /** The path as signed, with its leading slash. */
    String path() {
        return "/api/open/v2/" + name;
    }

    /**
     * As the transport and the caller know it: every v2 call carries the request's own id in its body,
     * so by the seed's rules it may be sent again after any ambiguous failure.
     */
    PlatformEndpoint endpoint() {
        return PlatformEndpoint.of("v2", name, path().substring(1), CallKind.REPEATABLE_WRITE);
    }
}
