package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.PlatformNotConfiguredException;
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
final class MosRequests {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl baseUrl;
    private final String appKey;
    private final MosSigner signer;
    private final JsonMapper json;

    private MosRequests(HttpUrl baseUrl, String appKey, MosSigner signer, JsonMapper json) {
        this.baseUrl = baseUrl;
        this.appKey = appKey;
        this.signer = signer;
        this.json = json;
    }

    /** @throws PlatformNotConfiguredException naming the first missing or unusable property */
    static MosRequests configured(MosProperties properties, JsonMapper json) {
        require(properties.baseUrl(), "mos.base-url", "MOS_BASE_URL");
        require(properties.appKey(), "mos.app-key", "MOS_APP_KEY");
        require(properties.appSecret(), "mos.app-secret", "MOS_APP_SECRET");
        HttpUrl baseUrl = HttpUrl.parse(properties.baseUrl().trim());
        if (baseUrl == null) {
            throw new PlatformNotConfiguredException(
                    "mos.base-url is not an http(s) URL (MOS_BASE_URL): " + properties.baseUrl());
        }
        return new MosRequests(baseUrl, properties.appKey(), new MosSigner(properties.appSecret()), json);
    }

    /** A signed POST of {@code business} (in its order) plus {@code appKey} and {@code sign}. */
    Request build(MosEndpoint endpoint, Map<String, String> business) {
        Map<String, String> body = new LinkedHashMap<>(business);
        body.put("appKey", appKey);
        body.put("sign", signer.sign(body));
        return new Request.Builder()
                .url(baseUrl.newBuilder().addPathSegments(endpoint.path()).build())
                .post(RequestBody.create(json.writeValueAsString(body), JSON_TYPE))
                .build();
    }

    private static void require(String value, String property, String environmentVariable) {
        if (value == null || value.isBlank()) {
            throw new PlatformNotConfiguredException(property + " is not set (" + environmentVariable + ")");
        }
    }
}
