package dev.superapp.batch.platform.v2;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RSA-SHA256 ("RSA256") signatures of the v2 OpenAPI (seed 000), both ways. The text signed is,
 * in UTF-8:
 * <pre>
 * &lt;HTTP method&gt; &lt;path&gt;\n&lt;Client-Id&gt;.&lt;Request-Time or Response-Time&gt;.&lt;body&gt;
 * </pre>
 * for example {@code "POST /api/open/v2/payments/inquiry\nclient-1.2024-01-10T12:00:00+01:00.{\"paymentId\":\"p1\"}"}:
 * one space between method and path (no query, no host), a line feed, then the client id, the
 * time header exactly as sent and the body exactly as sent, joined by dots. The seed delegates
 * the details to its signing guide; this is that guide's scheme (the one of the Alipay+-style
 * gateways whose headers seed 000 uses). The {@code Signature} header is
 * {@code algorithm=RSA256, keyVersion=<n>, signature=<URL-encoded Base64>}.
 */
final class V2Signature {

    private static final String ALGORITHM = "SHA256withRSA";
    private static final Pattern SIGNATURE_FIELD = Pattern.compile("(?:^|,)\\s*signature=([^,\\s]+)");

    private V2Signature() {
    }

    /** The exact text that is signed. */
    static String signingText(String method, String path, String clientId, String time, String body) {
        return method + " " + path + "\n" + clientId + "." + time + "." + body;
    }

    /** The {@code Signature} header of a request. */
    static String header(PrivateKey key, String keyVersion, String signingText) {
        try {
            Signature rsa = Signature.getInstance(ALGORITHM);
            rsa.initSign(key);
            rsa.update(signingText.getBytes(StandardCharsets.UTF_8));
            String base64 = Base64.getEncoder().encodeToString(rsa.sign());
            return "algorithm=RSA256, keyVersion=" + keyVersion + ", signature="
                    + URLEncoder.encode(base64, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Never the key in the message: only that signing failed.
            throw new IllegalStateException("could not sign a v2 OpenAPI request with RSA256", e);
        }
    }

    /** Whether a {@code Signature} header (as received) signs {@code signingText} under {@code key}. */
    static boolean verifies(PublicKey key, String header, String signingText) {
        if (header == null) {
            return false;
        }
        Matcher field = SIGNATURE_FIELD.matcher(header);
        if (!field.find()) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance(ALGORITHM);
            rsa.initVerify(key);
            rsa.update(signingText.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(URLDecoder.decode(field.group(1), StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
