package dev.superapp.batch.platform;

/**
 * The platform refused the request for a reason a retry cannot fix: HTTP 4xx other than 429,
 * or a {@code responseHeader.status} other than 200, 429 and 500 (a bad signature, a stale
 * timestamp, a missing parameter).
 */
public class PlatformRejectedException extends PlatformException {

    private final int status;
    private final String rawAnswer;

    public PlatformRejectedException(String endpoint, int status, String platformMessage, String rawAnswer) {
        super(endpoint + " refused with status " + status + (platformMessage == null ? "" : ": " + platformMessage), null);
        this.status = status;
        this.rawAnswer = rawAnswer;
    }

    /** The HTTP status, or the {@code responseHeader.status} when HTTP itself said 200. */
    public int status() {
        return status;
    }

    @Override
    public String rawAnswer() {
        return rawAnswer;
    }
}
