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

    static final PlatformSetting BASE_URL = new PlatformSetting("superapp.base-url", "SUPERAPP_BASE_URL");
    static final PlatformSetting APP_ID = new PlatformSetting("superapp.app-id", "SUPERAPP_APP_ID");
    static final PlatformSetting SECRET = new PlatformSetting("superapp.secret", "SUPERAPP_SECRET");

    @Override
    public String toString() {
        return "SuperAppProperties[baseUrl=" + baseUrl + ", appId=" + appId + ", secret=****]";
    }
}
