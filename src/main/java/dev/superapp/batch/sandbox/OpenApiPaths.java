package dev.superapp.batch.sandbox;

import java.util.Set;

/** The paths of the SuperApp OpenAPI (seed 001) that the sandbox serves, appended to its base URL. */
public final class OpenApiPaths {

    public static final String ACCESS_TOKEN = "/neuopenapi/oauth/mini/accessToken";
    public static final String USER_INFO = "/neuopenapi/oauth/mini/user/info";
    public static final String TRADE = "/neuopenapi/pay/transactions/trade";
    public static final String TRADE_DETAIL = "/neuopenapi/pay/transactions/tradedetail";
    public static final String TRADE_CLOSE = "/neuopenapi/pay/transactions/tradeclose";
    public static final String SEND_NOTIFY = "/neuopenapi/notify/sendNotify";
    public static final String SEND_ACTIVITY = "/neuopenapi/activity/sendActivity";

    public static final Set<String> ALL = Set.of(ACCESS_TOKEN, USER_INFO, TRADE, TRADE_DETAIL, TRADE_CLOSE,
            SEND_NOTIFY, SEND_ACTIVITY);

    private OpenApiPaths() {
    }
}
