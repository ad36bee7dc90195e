package dev.superapp.batch.sandbox;

/**
 * A way the sandbox can misbehave on one request. The first four are answered before the
 * platform acts; the others happen after it acted. A caller cannot tell a 5xx of the first
 * kind from one of the last: both are ambiguous, as a timeout and a garbled answer are.
 */
public enum Fault {
    /** HTTP 500 with an envelope of status 500. */
    HTTP_500(false),
    /** HTTP 503 with a plain-text body, as a gateway in front of the platform answers. */
    HTTP_503(false),
    /** HTTP 429 with {@code Retry-After: 1}; on the card form HTTP 200 with code 2, the seed's throttling answer. */
    HTTP_429(false),
    /**
     * HTTP 200 whose envelope says {@code responseHeader.status} 500; on the card form, which has no
     * fault code, HTTP 200 with the throttling code written as text, {@code "00002"}.
     */
    STATUS_500_IN_BODY(false),
    /** Acts, then holds the connection for the configured hang and drops it without an answer. */
    TIMEOUT(true),
    /** Acts, then answers HTTP 200 with a body cut short in the middle of the JSON. */
    MALFORMED_JSON(true),
    /** Acts, then answers HTTP 502 in plain text, as a gateway in front that gave up waiting for the platform. */
    BAD_GATEWAY_AFTER_ACTING(true),
    /**
     * Acts, then answers normally but without the {@code outTradeNo} of the trade, as a platform version
     * that does not echo the merchant's order number; only {@code tradedetail} answers carry one.
     */
    NO_OUT_TRADE_NO(true),
    /**
     * Acts, then drops the connection at once without an answer, as a proxy that resets it: the answer
     * is lost after the platform acted, without the wait of {@link #TIMEOUT}.
     */
    DROPPED_AFTER_ACTING(true),
    /**
     * Acts, then answers normally after the configured hang ({@link SandboxSettings#timeoutHang()}): a slow
     * platform, whose answer is a timeout for a client whose read timeout is shorter than the hang.
     */
    SLOW_ANSWER(true),
    /**
     * Acts, then answers success with the payload left out: the envelope's {@code response} (card form and
     * MOS: {@code data}) is missing, as a platform version that omits fields.
     */
    NO_PAYLOAD(true);

    private final boolean afterActing;

    Fault(boolean afterActing) {
        this.afterActing = afterActing;
    }

    /** Whether the platform has already acted on the request when this fault strikes. */
    public boolean afterActing() {
        return afterActing;
    }
}
