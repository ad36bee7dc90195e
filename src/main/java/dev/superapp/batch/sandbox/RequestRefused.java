package dev.superapp.batch.sandbox;

/**
 * Thrown by the sandbox's endpoints to refuse a request the way the platform does: HTTP 200
 * with {@code responseHeader.status} (seed 001) or {@code code} (the card form) set to
 * {@link #status()}, and a message that never contains the secret or the expected signature.
 */
final class RequestRefused extends RuntimeException {

    private final int status;

    private RequestRefused(int status, String message) {
        // No stack trace: this is an answer to a caller, not a failure of the sandbox.
        super(message, null, false, false);
        this.status = status;
    }

    static RequestRefused badRequest(String message) {
        return new RequestRefused(400, message);
    }

    static RequestRefused unauthorized(String message) {
        return new RequestRefused(401, message);
    }

    static RequestRefused notFound(String message) {
        return new RequestRefused(404, message);
    }

    /** A card-form refusal: one of seed 003's codes, worded as the seed words it, then what is wrong. */
    static RequestRefused cardForm(int code, String seedWording, String detail) {
        return new RequestRefused(code, seedWording + ": " + detail);
    }

    int status() {
        return status;
    }
}
