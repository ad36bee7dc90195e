package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.PlatformSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the MOS open-apis (seed 002) are and the mini app's credentials. No default reaches a real
 * platform: without {@code mos.base-url} the client refuses its first call.
 *
 * @param baseUrl   the interface BaseURL; {@code /open-apis/...} paths are appended
 * @param appKey    the mini app's {@code appKey}, sent in every body
 * @param appSecret signs requests; never sent, logged or printed
 */
@ConfigurationProperties("mos")
public record MosProperties(String baseUrl, String appKey, String appSecret) {

    static final PlatformSetting BASE_URL = new PlatformSetting("mos.base-url", "MOS_BASE_URL");
    static final PlatformSetting APP_KEY = new PlatformSetting("mos.app-key", "MOS_APP_KEY");
    static final PlatformSetting APP_SECRET = new PlatformSetting("mos.app-secret", "MOS_APP_SECRET");

    @Override
    public String toString() {
        return "MosProperties[baseUrl=" + baseUrl + ", appKey=" + appKey + ", appSecret=****]";
    }
}
