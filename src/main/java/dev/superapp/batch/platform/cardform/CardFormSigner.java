package dev.superapp.batch.platform.cardform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The signature scheme of the card-form OpenAPI (seed 003): uppercase hex SHA-256 of the UTF-8
 * bytes of {@link CardFormSignedFields#signingText()} followed by {@code &secretAccessKey=<key>}.
 * The key is part of what is hashed and never leaves this class.
 */
public final class CardFormSigner {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private final String secretAccessKey;

    public CardFormSigner(String secretAccessKey) {
        if (secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("cardform.secret-access-key is not set");
        }
        this.secretAccessKey = secretAccessKey;
    }

    /** The {@code sign} value for these fields. */
    public String sign(CardFormSignedFields fields) {
        String text = fields.signingText() + "&secretAccessKey=" + secretAccessKey;
        return UPPER_HEX.formatHex(sha256(text));
    }

    /** Whether {@code sign} is the right signature for the fields (used by the sandbox). */
    public boolean verifies(CardFormSignedFields fields, String sign) {
        return sign != null && MessageDigest.isEqual(
                sign.getBytes(StandardCharsets.US_ASCII), sign(fields).getBytes(StandardCharsets.US_ASCII));
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
        return "CardFormSigner[secretAccessKey=****]";
    }
}
