package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.PlatformTransport;
import java.security.PrivateKey;
import java.security.PublicKey;
import okhttp3.HttpUrl;

/**
 * The v2 settings once checked: where to send, who we are, our key and the platform's. Built on
 * first use, so the application starts without them.
 */
record V2Keys(HttpUrl baseUrl, String clientId, String keyVersion, PrivateKey ours, PublicKey platforms) {

    /** @throws PlatformNotConfiguredException naming the first missing or unusable property */
    static V2Keys configured(V2Properties properties, PlatformTransport transport) {
        V2Properties.BASE_URL.require(properties.baseUrl());
        String clientId = V2Properties.CLIENT_ID.require(properties.clientId());
        HttpUrl baseUrl = transport.baseUrl(V2Properties.BASE_URL, properties.baseUrl());
        return new V2Keys(baseUrl, clientId, properties.keyVersion(),
                PemKeys.privateKey(properties.privateKeyPath(), "openapi-v2.private-key-path"),
                PemKeys.publicKey(properties.platformPublicKeyPath(), "openapi-v2.platform-public-key-path"));
    }

    @Override
    public String toString() {
        return "V2Keys[baseUrl=" + baseUrl + ", clientId=" + clientId + ", keyVersion=" + keyVersion + ", keys=****]";
    }
}
