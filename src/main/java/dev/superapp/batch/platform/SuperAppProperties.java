package dev.superapp.batch.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the SuperApp OpenAPI (seed 001) is and the mini app's credentials.
 *
 * @param baseUrl e.g. {@code https://{domain}}; {@code /neuopenapi/...} paths are appended
 * @param appId   the mini app's {@code appid}
 * @param secret  signs requests; never sent, logged or printed
 */
@ConfigurationProperties("superapp")
public record SuperAppProperties(String baseUrl, String appId, String secret) {

    @Override
    public String toString() {
        return "SuperAppProperties[baseUrl=" + baseUrl + ", appId=" + appId + ", secret=****]";
    }
}
