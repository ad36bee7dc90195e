package dev.superapp.batch.platform;

/** The endpoints of the SuperApp OpenAPI (seed 001) that this service calls. */
final class SuperAppEndpoint {

    static final PlatformEndpoint TRADE_DETAIL = endpoint("tradedetail", "neuopenapi/pay/transactions/tradedetail",
            CallKind.READ);
    // Closing a closed trade changes nothing, and the caller re-reads the detail before trusting it.
    static final PlatformEndpoint TRADE_CLOSE = endpoint("tradeclose", "neuopenapi/pay/transactions/tradeclose",
            CallKind.REPEATABLE_WRITE);
    // The platform cannot de-duplicate notifications: an ambiguous failure ends the request UNKNOWN.
    static final PlatformEndpoint SEND_NOTIFY = endpoint("sendNotify", "neuopenapi/notify/sendNotify",
            CallKind.UNREPEATABLE_WRITE);
    // The platform de-duplicates activity cards by activityId.
    static final PlatformEndpoint SEND_ACTIVITY = endpoint("sendActivity", "neuopenapi/activity/sendActivity",
            CallKind.REPEATABLE_WRITE);

    private SuperAppEndpoint() {
    }

    /** Only the read goes as a GET with a query string; everything else is a form POST. */
    static boolean usesGet(PlatformEndpoint endpoint) {
        return endpoint.equals(TRADE_DETAIL);
    }

    /** Whether a {@code responseHeader.status} 404 means "no such trade". */
    static boolean aboutOneTrade(PlatformEndpoint endpoint) {
        return endpoint.equals(TRADE_DETAIL) || endpoint.equals(TRADE_CLOSE);
    }

    private static PlatformEndpoint endpoint(String name, String path, CallKind kind) {
        return PlatformEndpoint.of("SuperApp", name, path, kind);
    }
}
