package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.CallKind;

/** The endpoints of the MOS open-apis (seed 002) that this service calls; all are JSON POSTs. */
enum MosEndpoint {

    ORDER_QUERY("orderQuery", "open-apis/mp/v1/pay/orderQuery", CallKind.READ),
    // A login code is used up by its exchange: a repeat after a timeout is at worst refused, never
    // answered wrongly, but an unreadable answer is not worth a second try of a spent code.
    CODE_TO_SESSION("code2session", "open-apis/mp/v1/auth/code2session", CallKind.REPEATABLE_WRITE),
    GET_APPLICATION("getApplication", "open-apis/application/v1/getApplication", CallKind.READ);

    private final String label;
    private final String path;
    private final CallKind kind;

    MosEndpoint(String name, String path, CallKind kind) {
        this.label = "MOS " + name;
        this.path = path;
        this.kind = kind;
    }

    /** Names the endpoint in messages and logs. */
    String label() {
        return label;
    }

    /** Path segments appended to {@code mos.base-url}. */
    String path() {
        return path;
    }

    CallKind kind() {
        return kind;
    }
}
