package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.PlatformEndpoint;
import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.PlatformTransport;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the signed requests of the MOS open-apis: a JSON body of the business fields, then
 * {@code appKey} and {@code sign} as seed 002 asks. The secret only goes into the signature.
 */
record MosRequests(HttpUrl baseUrl, String appKey, MosSigner signer, JsonMapper json) {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    /** @throws PlatformNotConfiguredException naming the first missing or unusable property */
    static MosRequests configured(MosProperties properties, PlatformTransport transport, JsonMapper json) {
        MosProperties.BASE_URL.require(properties.baseUrl());
        String appKey = MosProperties.APP_KEY.require(properties.appKey());
        String appSecret = MosProperties.APP_SECRET.require(properties.appSecret());
        HttpUrl baseUrl = transport.baseUrl(MosProperties.BASE_URL, properties.baseUrl());
        return new MosRequests(baseUrl, appKey, new MosSigner(appSecret), json);
    }

    /** A signed POST of {@code business} (in its order) plus {@code appKey} and {@code sign}. */
    Request build(PlatformEndpoint endpoint, Map<String, String> business) {
        Map<String, String> body = new LinkedHashMap<>(business);
        body.put("appKey", appKey);
        body.put("sign", signer.sign(body));
        return new Request.Builder()
                .url(endpoint.under(baseUrl))
                .post(RequestBody.create(json.writeValueAsString(body), JSON_TYPE))
                .build();
    }
}
