package dev.superapp.batch.platform;

import okhttp3.HttpUrl;

/**
 * One endpoint of a platform: how it is named in messages, where it is, and whether a request to it
 * may be repeated. Each platform's endpoints are constants of this record (e.g. {@code SuperAppEndpoint}).
 *
 * @param label names the endpoint in messages, logs and metrics, e.g. {@code SuperApp tradedetail}
 * @param path  path segments appended to the platform's base URL, without a leading slash
 * @param kind  what repeating a request would do, which decides what is retried
 */
public record PlatformEndpoint(String label, String path, CallKind kind) {

    /** {@code <platform> <name>} as the label. */
    public static PlatformEndpoint of(String platform, String name, String path, CallKind kind) {
        return new PlatformEndpoint(platform + " " + name, path, kind);
    }

    /** The endpoint's URL under {@code baseUrl}, which may carry a prefix of its own. */
    public HttpUrl under(HttpUrl baseUrl) {
        return baseUrl.newBuilder().addPathSegments(path).build();
    }
}
