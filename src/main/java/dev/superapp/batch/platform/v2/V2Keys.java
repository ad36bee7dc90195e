package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.PlatformNotConfiguredException;
import java.security.PrivateKey;
import java.security.PublicKey;
import okhttp3.HttpUrl;

/**
 * The v2 settings once checked: where to send, who we are, our key and the platform's. Built on
 * first use, so the application starts without them.
 */
record V2Keys(HttpUrl baseUrl, String clientId, String keyVersion, PrivateKey ours, PublicKey platforms) {

    /** @throws PlatformNotConfiguredException naming the first missing or unusable property */
    static V2Keys configured(V2Properties properties) {
        require(properties.baseUrl(), "openapi-v2.base-url");
        require(properties.clientId(), "openapi-v2.client-id");
        HttpUrl baseUrl = HttpUrl.parse(properties.baseUrl().trim());
        if (baseUrl == null) {
            throw new PlatformNotConfiguredException("openapi-v2.base-url is not an http(s) URL: " + properties.baseUrl());
        }
        return new V2Keys(baseUrl, properties.clientId(), properties.keyVersion(),
                PemKeys.privateKey(properties.privateKeyPath(), "openapi-v2.private-key-path"),
                PemKeys.publicKey(properties.platformPublicKeyPath(), "openapi-v2.platform-public-key-path"));
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new PlatformNotConfiguredException(property + " is not set");
        }
    }

    @Override
    public String toString() {
        return "V2Keys[baseUrl=" + baseUrl + ", clientId=" + clientId + ", keyVersion=" + keyVersion + ", keys=****]";
    }
}
