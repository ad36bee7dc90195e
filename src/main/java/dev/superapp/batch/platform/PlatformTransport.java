package dev.superapp.batch.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * How every platform client reaches its platform, so that answers are trusted only over a trusted
 * transport: base URLs are {@code https://} (or loopback, or {@code platform.allow-http}); redirects are
 * never followed, since a redirect could carry a signed request, or fetch an answer, somewhere else; and
 * an answer body larger than {@code platform.max-answer-size} is refused after reading at most that much.
 * One instance, shared by every platform's client; thread-safe.
 */
public final class PlatformTransport {

    private final OkHttpClient http;
    private final boolean allowHttp;
    private final long maxAnswerBytes;

    /** @param http timeouts and connection pool as configured; redirects are turned off here whatever it says */
    public PlatformTransport(OkHttpClient http, PlatformTransportProperties trust) {
        this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.allowHttp = trust.allowHttp();
        this.maxAnswerBytes = trust.maxAnswerSize().toBytes();
    }

    /**
     * The base URL of a platform, once it is set, parses and may be trusted.
     *
     * @throws PlatformNotConfiguredException naming the setting and what is wrong with it
     */
    public HttpUrl baseUrl(PlatformSetting setting, String value) {
        HttpUrl url = HttpUrl.parse(setting.require(value).trim());
        if (url == null) {
            throw new PlatformNotConfiguredException(setting.property() + " is not an http(s) URL ("
                    + setting.environmentVariable() + "): " + value);
        }
        return trusted(setting, url);
    }

    /**
     * Refuses a base URL that is set but may not be trusted, so that the application does not start with
     * it; an unset or unparseable one is reported when the client is first used.
     *
     * @throws PlatformNotConfiguredException naming the setting
     */
    public void refuseUntrusted(PlatformSetting setting, String value) {
        HttpUrl url = value == null ? null : HttpUrl.parse(value.trim());
        if (url != null) {
            trusted(setting, url);
        }
    }

    /**
     * Sends one request and reads its answer whole, within the size limit.
     *
     * @throws UnusableAnswer an answer larger than the limit (said by its Content-Length, or found while reading)
     * @throws IOException    no answer: a failure to connect, a timeout, a dropped connection
     */
    public PlatformAnswer send(PlatformEndpoint endpoint, Request request) throws IOException, UnusableAnswer {
        try (Response response = http.newCall(request).execute()) {
            return new PlatformAnswer(response.code(), response.headers(), limitedBody(endpoint, response.body()));
        }
    }

    private String limitedBody(PlatformEndpoint endpoint, ResponseBody body) throws IOException, UnusableAnswer {
        if (body.contentLength() > maxAnswerBytes) {
            throw tooLarge(endpoint, body.contentLength() + " bytes by its Content-Length");
        }
        BufferedSource source = body.source();
        // Buffers at most one byte past the limit (and the rest of one segment), which tells a body of
        // exactly the limit from a longer one without reading the longer one whole.
        if (source.request(maxAnswerBytes + 1)) {
            throw tooLarge(endpoint, "more than that, found while reading");
        }
        MediaType type = body.contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return source.getBuffer().readString(charset);
    }

    private UnusableAnswer tooLarge(PlatformEndpoint endpoint, String size) {
        return UnusableAnswer.malformed(endpoint.label() + " answered a body larger than platform.max-answer-size ("
                + maxAnswerBytes + " bytes): " + size + "; it was not read", null, null);
    }

    private HttpUrl trusted(PlatformSetting setting, HttpUrl url) {
        if (url.isHttps() || allowHttp || loopback(url.host())) {
            return url;
        }
        throw new PlatformNotConfiguredException(setting.property() + " must be an https:// URL ("
                + setting.environmentVariable() + "): " + withoutCredentials(url) + "; plain http is allowed only to this machine"
                + " (127.0.0.1, ::1, localhost) or with platform.allow-http=true");
    }

    /** The URL without a user, password or query, which could carry credentials. */
    private static HttpUrl withoutCredentials(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).fragment(null).build();
    }

    /** Only names that are loopback by definition: resolving a host name here would trust the DNS. */
    private static boolean loopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            // An IP literal: parsed without a lookup.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }
}
