package dev.superapp.batch.platform;

/** The endpoints of the SuperApp OpenAPI (seed 001) that this service calls. */
enum SuperAppEndpoint {

    TRADE_DETAIL("tradedetail", "neuopenapi/pay/transactions/tradedetail", CallKind.READ),
    // Closing a closed trade changes nothing, and the caller re-reads the detail before trusting it.
    TRADE_CLOSE("tradeclose", "neuopenapi/pay/transactions/tradeclose", CallKind.REPEATABLE_WRITE),
    SEND_NOTIFY("sendNotify", "neuopenapi/notify/sendNotify", CallKind.UNREPEATABLE_WRITE),
    // The platform de-duplicates activity cards by activityId.
    SEND_ACTIVITY("sendActivity", "neuopenapi/activity/sendActivity", CallKind.REPEATABLE_WRITE);

    private final String label;
    private final String path;
    private final CallKind kind;

    SuperAppEndpoint(String name, String path, CallKind kind) {
        this.label = "SuperApp " + name;
        this.path = path;
        this.kind = kind;
    }

    /** Names the endpoint in messages and logs. */
    String label() {
        return label;
    }

    /** Path segments appended to {@code superapp.base-url}. */
    String path() {
        return path;
    }

    CallKind kind() {
        return kind;
    }

    /** Only the read goes as a GET with a query string; everything else is a form POST. */
    boolean usesGet() {
        return this == TRADE_DETAIL;
    }

    /** Whether a {@code responseHeader.status} 404 means "no such trade". */
    boolean aboutOneTrade() {
        return this == TRADE_DETAIL || this == TRADE_CLOSE;
    }
}
