package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.CallMetrics;
import dev.superapp.batch.platform.PlatformProperties;
import dev.superapp.batch.platform.PlatformTransport;
import dev.superapp.batch.platform.PlatformTransportProperties;
import dev.superapp.batch.platform.ResilientCaller;
import dev.superapp.batch.platform.RetryPolicy;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

/** Key pairs made for the test, written as PEM files, and a platform that signs its answers with its own. */
final class V2Fixture {

    static final String CLIENT_ID = "client-1";
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String REQUEST_TIME = "2026-11-25T10:00:00+00:00";

    final KeyPair ours = generate(2048);
    final KeyPair platform = generate(2048);

    static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static Path pem(Path dir, String name, String label, Key key) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return Files.writeString(dir.resolve(name), "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n");
    }

    V2Client client(MockWebServer server, Path dir, dev.superapp.batch.platform.Sleeper waits) throws IOException {
        V2Properties properties = new V2Properties(server.url("/").toString(), CLIENT_ID,
                pem(dir, "ours.pem", "PRIVATE KEY", ours.getPrivate()).toString(),
                pem(dir, "platform.pem", "PUBLIC KEY", platform.getPublic()).toString(), "1");
        PlatformProperties limits = new PlatformProperties(4, 1000.0, Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        ResilientCaller caller = new ResilientCaller(limits, RetryPolicy.defaults(limits.callDeadline()), waits, CallMetrics.NONE);
        return new V2Client(properties, new PlatformTransport(new OkHttpClient(), PlatformTransportProperties.DEFAULTS),
                JsonMapper.builder().build(), caller,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** An answer signed by {@code key} over {@code signedBody}, carrying {@code body}. */
    static MockResponse signed(PrivateKey key, String path, String signedBody, String body) {
        String time = "2026-11-25T10:00:01+00:00";
        return new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/json; charset=UTF-8")
                .setHeader("Client-Id", CLIENT_ID)
                .setHeader("Response-Time", time)
                .setHeader("Signature", "algorithm=RSA256, keyVersion=1, signature="
                        + URLEncoder.encode(rsa(key, "POST " + path + "\n" + CLIENT_ID + "." + time + "." + signedBody),
                        StandardCharsets.UTF_8))
                .body(body)
                .build();
    }

    static String rsa(PrivateKey key, String text) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String result(String status, String code) {
        return "{\"result\":{\"resultStatus\":\"" + status + "\",\"resultCode\":\"" + code
                + "\",\"resultMessage\":\"m\"},\"paymentStatus\":\"SUCCESS\"}";
    }
}
