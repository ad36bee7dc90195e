package dev.superapp.batch.sandbox;

import java.util.function.Function;

/** The HTTP method an endpoint accepts and what answers it, once the request passed authentication. */
record Route(String method, Function<SandboxRequest, SandboxAnswer> endpoint) {

    static Route get(Function<SandboxRequest, SandboxAnswer> endpoint) {
        return new Route("GET", endpoint);
    }

    static Route post(Function<SandboxRequest, SandboxAnswer> endpoint) {
        return new Route("POST", endpoint);
    }
}
