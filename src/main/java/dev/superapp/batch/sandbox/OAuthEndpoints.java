package dev.superapp.batch.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code accessToken} and {@code user/info} of seed 001 as a deterministic fake without state:
 * a code always yields the same openId, and the token carries that openId
 * ({@code sbx.<openId>}), so a token works across sandbox restarts.
 */
final class OAuthEndpoints {

    private static final String TOKEN_PREFIX = "sbx.";
    private static final Pattern TOKEN = Pattern.compile(Pattern.quote(TOKEN_PREFIX) + "[0-9a-f]{32}");
    private static final long TOKEN_LIFETIME_SECONDS = 604_800;

    SandboxAnswer accessToken(SandboxRequest request) {
        String code = request.required("code");
        if (!request.required("grantType").equals("authorization_code")) {
            throw RequestRefused.badRequest("grantType must be authorization_code");
        }
        request.required("scope");
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("accessToken", TOKEN_PREFIX + openIdFor(code));
        token.put("expire", TOKEN_LIFETIME_SECONDS);
        token.put("tokenType", "bearer");
        return SandboxAnswer.ok(token);
    }

    SandboxAnswer userInfo(SandboxRequest request) {
        String token = request.required("accessToken");
        if (!TOKEN.matcher(token).matches()) {
            throw RequestRefused.unauthorized("accessToken is not valid");
        }
        String openId = token.substring(TOKEN_PREFIX.length());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("openId", openId);
        user.put("nickName", "Sandbox user " + openId.substring(0, 6));
        user.put("avatar", null);
        user.put("email", null);
        user.put("country", "+966");
        user.put("phone", String.format("5%08d", Long.parseLong(openId.substring(0, 7), 16) % 100_000_000L));
        user.put("unionId", hex32("union:" + openId));
        return SandboxAnswer.ok(user);
    }

    /** The openId the sandbox's user behind {@code code} has under this mini app. */
    static String openIdFor(String code) {
        return hex32("openid:" + code);
    }

    private static String hex32(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
