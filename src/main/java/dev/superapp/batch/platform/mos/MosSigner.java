package dev.superapp.batch.platform.mos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signature scheme of the MOS open-apis (seed 002), exactly as its Java sample computes it:
 * every body field including {@code appKey}, keys in ascending order; {@code sign} and fields whose
 * value is null or empty left out; each value trimmed; joined as {@code key=value&}; then
 * {@code secret=<appSecret>} appended; lowercase hex MD5 of the UTF-8 bytes. For example
 * {@code appKey=k&nonceStr=n&outTradeNo=o&secret=s}. A value of blanks is not empty, so it signs as
 * {@code key=}. The secret is part of what is hashed and never leaves this class.
 */
public final class MosSigner {

    private final String appSecret;

    public MosSigner(String appSecret) {
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("mos.app-secret is not set");
        }
        this.appSecret = appSecret;
    }

    /** The {@code sign} value for these body fields ({@code appKey} among them). */
    public String sign(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((key, value) -> {
            if (!"sign".equals(key) && value != null && !value.isEmpty()) {
                text.append(key).append('=').append(value.trim()).append('&');
            }
        });
        text.append("secret=").append(appSecret);
        return HexFormat.of().formatHex(md5(text.toString()));
    }

    /** Whether the {@code sign} field is the right signature for the other fields (used by the sandbox). */
    public boolean verifies(Map<String, String> fieldsWithSign) {
        String given = fieldsWithSign.get("sign");
        return given != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.US_ASCII), sign(fieldsWithSign).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] md5(String text) {
        try {
            // MD5 is the platform's choice, not ours: it is what MOS verifies.
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }

    @Override
    public String toString() {
        return "MosSigner[appSecret=****]";
    }
}
