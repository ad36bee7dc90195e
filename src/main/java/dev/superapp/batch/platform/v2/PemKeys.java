package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.PlatformNotConfiguredException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the RSA keys of the v2 OpenAPI from PEM files with the JDK alone: the armour is stripped,
 * the Base64 decoded, and the DER read as PKCS#8 (private) or X.509 (public). Only 2048-bit keys
 * are accepted, as the seed requires. Messages name the file, never its content.
 */
final class PemKeys {

    static final int REQUIRED_BITS = 2048;

    private PemKeys() {
    }

    static PrivateKey privateKey(String path, String property) {
        byte[] der = der(path, property, "PRIVATE KEY");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            requireBits((RSAKey) key, path, property);
            return key;
        } catch (GeneralSecurityException e) {
            throw new PlatformNotConfiguredException(property + " (" + path + ") is not a PKCS#8 RSA private key");
        }
    }

    static PublicKey publicKey(String path, String property) {
        byte[] der = der(path, property, "PUBLIC KEY");
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            requireBits((RSAKey) key, path, property);
            return key;
        } catch (GeneralSecurityException e) {
            throw new PlatformNotConfiguredException(property + " (" + path + ") is not an X.509 RSA public key");
        }
    }

    private static byte[] der(String path, String property, String label) {
        if (path == null || path.isBlank()) {
            throw new PlatformNotConfiguredException(property + " is not set");
        }
        String pem;
        try {
            pem = Files.readString(Path.of(path.trim()), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new PlatformNotConfiguredException(property + " (" + path + ") cannot be read");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new PlatformNotConfiguredException(property + " (" + path + ") is not a PEM file with " + begin);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new PlatformNotConfiguredException(property + " (" + path + ") holds no valid Base64");
        }
    }

    private static void requireBits(RSAKey key, String path, String property) {
        if (key.getModulus().bitLength() != REQUIRED_BITS) {
            throw new PlatformNotConfiguredException(property + " (" + path + ") is a "
                    + key.getModulus().bitLength() + "-bit key; the v2 OpenAPI requires " + REQUIRED_BITS + " bits");
        }
    }
}
