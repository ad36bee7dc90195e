package dev.superapp.batch.platform.cardform;

import dev.superapp.batch.platform.CallKind;

/** The endpoints of the card-form OpenAPI (seed 003). */
enum CardFormEndpoint {

    // The platform de-duplicates by requestId, so re-sending the same request delivers nothing twice.
    SEND("sendCardForm", CallKind.REPEATABLE_WRITE),
    GET("getCardForm", CallKind.READ);

    private final String label;
    private final String path;
    private final CallKind kind;

    CardFormEndpoint(String name, CallKind kind) {
        this.label = "CardForm " + name;
        this.path = "cardform/cmd/" + name;
        this.kind = kind;
    }

    /** Names the endpoint in messages and logs. */
    String label() {
        return label;
    }

    /** Path segments appended to {@code cardform.base-url}. */
    String path() {
        return path;
    }

    CallKind kind() {
        return kind;
    }
}
