package dev.superapp.batch.platform.cardform;

import dev.superapp.batch.platform.CallKind;
import dev.superapp.batch.platform.PlatformEndpoint;

/** The endpoints of the card-form OpenAPI (seed 003). */
final class CardFormEndpoint {

    // The platform de-duplicates by requestId, so re-sending the same request delivers nothing twice.
    static final PlatformEndpoint SEND = endpoint("sendCardForm", CallKind.REPEATABLE_WRITE);
    static final PlatformEndpoint GET = endpoint("getCardForm", CallKind.READ);

    private CardFormEndpoint() {
    }

    private static PlatformEndpoint endpoint(String name, CallKind kind) {
        return PlatformEndpoint.of("CardForm", name, "cardform/cmd/" + name, kind);
    }
}
