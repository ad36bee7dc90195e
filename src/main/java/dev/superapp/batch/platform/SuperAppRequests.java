package dev.superapp.batch.platform;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Builds the signed HTTP requests of the SuperApp OpenAPI: the business parameters in their
 * order, then {@code appid}, {@code timestamp} (epoch ms, fresh for every attempt so a retry after
 * a long wait is not refused as stale) and {@code sign}. The secret only goes into the signature.
 */
final class SuperAppRequests {

    private final HttpUrl baseUrl;
    private final String appId;
    private final SuperAppSigner signer;
    private final Clock clock;

    private SuperAppRequests(HttpUrl baseUrl, String appId, SuperAppSigner signer, Clock clock) {
        this.baseUrl = baseUrl;
        this.appId = appId;
        this.signer = signer;
        this.clock = clock;
    }

    /** @throws PlatformNotConfiguredException naming the first missing or unusable property */
    static SuperAppRequests configured(SuperAppProperties properties, Clock clock) {
        require(properties.baseUrl(), "superapp.base-url", "SUPERAPP_BASE_URL");
        require(properties.appId(), "superapp.app-id", "SUPERAPP_APP_ID");
        require(properties.secret(), "superapp.secret", "SUPERAPP_SECRET");
        HttpUrl baseUrl = HttpUrl.parse(properties.baseUrl().trim());
        if (baseUrl == null) {
            throw new PlatformNotConfiguredException(
                    "superapp.base-url is not an http(s) URL (SUPERAPP_BASE_URL): " + properties.baseUrl());
        }
        return new SuperAppRequests(baseUrl, properties.appId(), new SuperAppSigner(properties.secret()), clock);
    }

    /** A fresh, signed request to {@code endpoint}; null parameter values are sent (and signed) as empty. */
    Request build(SuperAppEndpoint endpoint, Map<String, String> business) {
        Map<String, String> parameters = new LinkedHashMap<>(business);
        parameters.replaceAll((key, value) -> value == null ? "" : value);
        parameters.put("appid", appId);
        parameters.put("timestamp", Long.toString(clock.millis()));
        parameters.put("sign", signer.sign(parameters));

        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments(endpoint.path());
        if (endpoint.usesGet()) {
            parameters.forEach(url::addQueryParameter);
            return new Request.Builder().url(url.build()).get().build();
        }
        FormBody.Builder form = new FormBody.Builder();
        parameters.forEach(form::add);
        RequestBody body = form.build();
        if (endpoint.kind() == CallKind.UNREPEATABLE_WRITE) {
            body = new OneShotBody(body);
        }
        return new Request.Builder().url(url.build()).post(body).build();
    }

    private static void require(String value, String property, String environmentVariable) {
        if (value == null || value.isBlank()) {
            throw new PlatformNotConfiguredException(property + " is not set (" + environmentVariable + ")");
        }
    }

    /**
     * Marks a body one-shot, which tells OkHttp not to re-send it on its own after a connection
     * failure once sending has started: for an unrepeatable write only we decide, and we do not.
     */
    private static final class OneShotBody extends RequestBody {
        private final RequestBody form;

        OneShotBody(RequestBody form) {
            this.form = form;
        }

        @Override
        public MediaType contentType() {
            return form.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return form.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            form.writeTo(sink);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }
}
