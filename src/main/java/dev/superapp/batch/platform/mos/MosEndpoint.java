package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.CallKind;
import dev.superapp.batch.platform.PlatformEndpoint;

/** The endpoints of the MOS open-apis (seed 002) that this service calls; all are JSON POSTs. */
final class MosEndpoint {

    static final PlatformEndpoint ORDER_QUERY = endpoint("orderQuery", "open-apis/mp/v1/pay/orderQuery", CallKind.READ);
    // A login code is used up by its exchange: a repeat after a timeout is at worst refused, never
    // answered wrongly.
    static final PlatformEndpoint CODE_TO_SESSION = endpoint("code2session", "open-apis/mp/v1/auth/code2session",
            CallKind.REPEATABLE_WRITE);
    static final PlatformEndpoint GET_APPLICATION = endpoint("getApplication",
            "open-apis/application/v1/getApplication", CallKind.READ);

    private MosEndpoint() {
    }

    private static PlatformEndpoint endpoint(String name, String path, CallKind kind) {
        return PlatformEndpoint.of("MOS", name, path, kind);
    }
}
