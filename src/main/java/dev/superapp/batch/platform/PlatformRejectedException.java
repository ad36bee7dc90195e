package dev.superapp.batch.platform;

/**
 * The platform refused the request for a reason a retry cannot fix: HTTP 4xx other than 429,
 * a {@code responseHeader.status} other than 200, 429 and 500 (a bad signature, a stale
 * timestamp, a missing parameter), or a refusal code of the card form (10004 ... 30001).
 */
public class PlatformRejectedException extends PlatformException {

    private final int status;
    private final String rawAnswer;

    public PlatformRejectedException(String endpoint, int status, String platformMessage, String rawAnswer) {
        super(endpoint + " refused with status " + status + (platformMessage == null ? "" : ": " + platformMessage), null);
        this.status = status;
        this.rawAnswer = rawAnswer;
    }

    /** The HTTP status, or when HTTP itself said 200 the {@code responseHeader.status} or the card form's {@code code}. */
    public int status() {
        return status;
    }

    @Override
    public String rawAnswer() {
        return rawAnswer;
    }
}
