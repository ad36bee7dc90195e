package dev.superapp.batch.sandbox;

import dev.superapp.batch.platform.SuperAppSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls to a running sandbox, signed as a mini app backend signs them. OkHttp's silent
 * retry on a dropped connection is off, so every call is exactly one request.
 */
final class SandboxCaller {

    static final String APP_ID = "sandbox-app";
    static final String SECRET = "sandbox-secret-do-not-leak";

    private final OkHttpClient http;
    private final String baseUrl;
    private final SuperAppSigner signer = new SuperAppSigner(SECRET);

    SandboxCaller(SandboxServer server) {
        this(server, Duration.ofSeconds(10));
    }

    SandboxCaller(SandboxServer server, Duration readTimeout) {
        this.baseUrl = server.baseUrl();
        this.http = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .readTimeout(readTimeout)
                .build();
    }

    static SandboxSettings settings() {
        return SandboxSettings.defaults(APP_ID, SECRET);
    }

    /** The parameters plus {@code appid}, {@code timestamp} and the right {@code sign}. */
    Map<String, String> signed(Map<String, String> params, long timestamp) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("appid", APP_ID);
        all.put("timestamp", Long.toString(timestamp));
        all.put("sign", signer.sign(all));
        return all;
    }

    Reply get(String path, Map<String, String> params) {
        return getRaw(path, signed(params, System.currentTimeMillis()));
    }

    Reply post(String path, Map<String, String> params) {
        return postRaw(path, signed(params, System.currentTimeMillis()));
    }

    /** A POST whose parameters travel in the query string, with an empty body. */
    Reply postInQuery(String path, Map<String, String> params) {
        return call(new Request.Builder().url(url(path, signed(params, System.currentTimeMillis())))
                .post(new FormBody.Builder().build()).build());
    }

    Reply getRaw(String path, Map<String, String> params) {
        return call(new Request.Builder().url(url(path, params)).get().build());
    }

    Reply postRaw(String path, Map<String, String> params) {
        FormBody.Builder form = new FormBody.Builder();
        params.forEach(form::add);
        return call(new Request.Builder().url(baseUrl + path).post(form.build()).build());
    }

    private HttpUrl url(String path, Map<String, String> params) {
        HttpUrl.Builder url = HttpUrl.get(baseUrl + path).newBuilder();
        params.forEach(url::addQueryParameter);
        return url.build();
    }

    private Reply call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Reply(response.code(), response.header("Retry-After"), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What came back: the HTTP status, the {@code Retry-After} header and the body as text. */
    record Reply(int httpCode, String retryAfter, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        /** {@code responseHeader.status} of the envelope. */
        int status() {
            return json().path("responseHeader").path("status").asInt();
        }

        String msg() {
            return json().path("responseHeader").path("msg").asString();
        }

        JsonNode response() {
            return json().path("response");
        }
    }
}
