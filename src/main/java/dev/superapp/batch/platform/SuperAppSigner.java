package dev.superapp.batch.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signature scheme of the SuperApp OpenAPI (seed 001): lowercase hex SHA-256 of every
 * {@code key=value} pair except {@code sign} and {@code fileData}, plus {@code secret=<secret>},
 * keys sorted in byte order and concatenated with no separator. A null value signs as the
 * empty string. The secret is part of what is hashed and never leaves this class.
 */
public final class SuperAppSigner {

    private final String secret;

    public SuperAppSigner(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("superapp.secret is not set");
        }
        this.secret = secret;
    }

    /** The {@code sign} value for these request parameters (values already joined with ','). */
    public String sign(Map<String, String> parameters) {
        // String's natural order compares UTF-16 units, which equals byte order for the ASCII keys used here.
        TreeMap<String, String> sorted = new TreeMap<>(parameters);
        sorted.remove("sign");
        sorted.remove("fileData");
        sorted.put("secret", secret);
        StringBuilder text = new StringBuilder();
        sorted.forEach((key, value) -> text.append(key).append('=').append(value == null ? "" : value));
        return HexFormat.of().formatHex(sha256(text.toString()));
    }

    /** Whether {@code sign} is the right signature for the other parameters (used by the sandbox). */
    public boolean verifies(Map<String, String> parametersWithSign) {
        String given = parametersWithSign.get("sign");
        return given != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.US_ASCII),
                sign(parametersWithSign).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SuperAppSigner[secret=****]";
    }
}
