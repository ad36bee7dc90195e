package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.PlatformSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the v2 OpenAPI (seed 000) is, who we are to it, and where the RSA keys are. Keys are read
 * from PEM files on first use, never from properties, so they stay out of the environment and logs.
 *
 * @param baseUrl               {@code https://{domainName}}; {@code /api/open/v2/{endpoint}} is appended
 * @param clientId              our {@code Client-Id}
 * @param privateKeyPath        our 2048-bit RSA private key, PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
 * @param platformPublicKeyPath the platform's 2048-bit RSA public key, X.509 PEM ({@code BEGIN PUBLIC KEY}),
 *                              which every answer must verify with
 * @param keyVersion            the {@code keyVersion} of the {@code Signature} header
 */
@ConfigurationProperties("openapi-v2")
public record V2Properties(String baseUrl, String clientId, String privateKeyPath, String platformPublicKeyPath,
                           @DefaultValue("1") String keyVersion) {

    static final PlatformSetting BASE_URL = new PlatformSetting("openapi-v2.base-url", "OPENAPI_V2_BASE_URL");
    static final PlatformSetting CLIENT_ID = new PlatformSetting("openapi-v2.client-id", "OPENAPI_V2_CLIENT_ID");
}
