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
record SuperAppRequests(HttpUrl baseUrl, String appId, SuperAppSigner signer, Clock clock) {

    /** @throws PlatformNotConfiguredException naming the first missing or unusable property */
    static SuperAppRequests configured(SuperAppProperties properties, PlatformTransport transport, Clock clock) {
        SuperAppProperties.BASE_URL.require(properties.baseUrl());
        String appId = SuperAppProperties.APP_ID.require(properties.appId());
        String secret = SuperAppProperties.SECRET.require(properties.secret());
        HttpUrl baseUrl = transport.baseUrl(SuperAppProperties.BASE_URL, properties.baseUrl());
        return new SuperAppRequests(baseUrl, appId, new SuperAppSigner(secret), clock);
    }

    /** A fresh, signed request to {@code endpoint}; null parameter values are sent (and signed) as empty. */
    Request build(PlatformEndpoint endpoint, Map<String, String> business) {
        Map<String, String> parameters = new LinkedHashMap<>(business);
        parameters.replaceAll((key, value) -> value == null ? "" : value);
        parameters.put("appid", appId);
        parameters.put("timestamp", Long.toString(clock.millis()));
        parameters.put("sign", signer.sign(parameters));

        HttpUrl url = endpoint.under(baseUrl);
        if (SuperAppEndpoint.usesGet(endpoint)) {
            HttpUrl.Builder query = url.newBuilder();
            parameters.forEach(query::addQueryParameter);
            return new Request.Builder().url(query.build()).get().build();
        }
        FormBody.Builder form = new FormBody.Builder();
        parameters.forEach(form::add);
        RequestBody body = form.build();
        if (!endpoint.kind().safeToRepeat()) {
            body = new OneShotBody(body);
        }
        return new Request.Builder().url(url).post(body).build();
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
