package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * How one family of endpoints reads its requests and words its answers: the form-encoded
 * OpenAPI of seed 001 or the JSON card form of seed 003. Capacity, faults and latency are the
 * {@link SandboxHttpHandler}'s, the same for every family.
 */
interface Dialect {

    /** Reads and checks the request and lets its endpoint act; a refusal is an answer, not an exception. */
    SandboxAnswer act(HttpExchange exchange) throws IOException;

    /** The answer to a fault that strikes before the platform acts (see {@link Fault#afterActing()}). */
    SandboxAnswer beforeActing(Fault fault);

    /** The answer when the sandbox itself failed. */
    SandboxAnswer sandboxError();
}
