package dev.superapp.batch.sandbox;

import java.util.Set;

/**
 * The paths the sandbox serves, appended to its base URL: the SuperApp OpenAPI (seed 001), the
 * card form (seed 003) and the MOS open-apis (seed 002, so {@code mos.base-url} is {@code baseUrl()}). The card form is served at the root, so {@code cardform.base-url} is the
 * sandbox's {@code baseUrl()} itself, where on the platform it is the access prefix
 * {@code https://api.dlight-app.com/miniapp/launchplatformdeveloper/openapi}.
 */
public final class OpenApiPaths {

    public static final String ACCESS_TOKEN = "/neuopenapi/oauth/mini/accessToken";
    public static final String USER_INFO = "/neuopenapi/oauth/mini/user/info";
    public static final String TRADE = "/neuopenapi/pay/transactions/trade";
    public static final String TRADE_DETAIL = "/neuopenapi/pay/transactions/tradedetail";
    public static final String TRADE_CLOSE = "/neuopenapi/pay/transactions/tradeclose";
    public static final String SEND_NOTIFY = "/neuopenapi/notify/sendNotify";
    public static final String SEND_ACTIVITY = "/neuopenapi/activity/sendActivity";
    public static final String SEND_CARD_FORM = "/cardform/cmd/sendCardForm";
    public static final String GET_CARD_FORM = "/cardform/cmd/getCardForm";
    public static final String MOS_ORDER_QUERY = "/open-apis/mp/v1/pay/orderQuery";
    public static final String MOS_CODE_TO_SESSION = "/open-apis/mp/v1/auth/code2session";
    public static final String MOS_GET_APPLICATION = "/open-apis/application/v1/getApplication";

    public static final Set<String> ALL = Set.of(ACCESS_TOKEN, USER_INFO, TRADE, TRADE_DETAIL, TRADE_CLOSE,
            SEND_NOTIFY, SEND_ACTIVITY, SEND_CARD_FORM, GET_CARD_FORM, MOS_ORDER_QUERY, MOS_CODE_TO_SESSION,
            MOS_GET_APPLICATION);

    private OpenApiPaths() {
    }
}
