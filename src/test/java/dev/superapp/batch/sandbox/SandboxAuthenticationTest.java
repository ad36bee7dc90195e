package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxAuthenticationTest {

    private static final Map<String, String> TOKEN_REQUEST =
            Map.of("code", "c-1", "grantType", "authorization_code", "scope", "user.info");

    private final SandboxServer sandbox = SandboxServer.start(SandboxCaller.settings());
    private final SandboxCaller caller = new SandboxCaller(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void acceptsARequestSignedWithTheSecret() {
        SandboxCaller.Reply reply = caller.post(OpenApiPaths.ACCESS_TOKEN, TOKEN_REQUEST);

        assertThat(reply.httpCode()).isEqualTo(200);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.msg()).isEqualTo("OK");
    }

    @Test
    void refusesAWrongSignWithStatus401AndNeverEchoesTheSecretOrTheExpectedSign() {
        Map<String, String> params = caller.signed(TOKEN_REQUEST, System.currentTimeMillis());
        String rightSign = params.get("sign");
        params.put("code", "c-2");

        SandboxCaller.Reply reply = caller.postRaw(OpenApiPaths.ACCESS_TOKEN, params);

        assertThat(reply.httpCode()).isEqualTo(200);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.msg()).contains("sign");
        assertThat(reply.body()).doesNotContain(SandboxCaller.SECRET).doesNotContain(rightSign);
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesFromItsClockEitherWay() {
        long now = System.currentTimeMillis();
        long sixMinutes = Duration.ofMinutes(6).toMillis();

        SandboxCaller.Reply stale = caller.postRaw(OpenApiPaths.ACCESS_TOKEN, caller.signed(TOKEN_REQUEST, now - sixMinutes));
        SandboxCaller.Reply ahead = caller.postRaw(OpenApiPaths.ACCESS_TOKEN, caller.signed(TOKEN_REQUEST, now + sixMinutes));
        SandboxCaller.Reply slightlyOld = caller.postRaw(OpenApiPaths.ACCESS_TOKEN,
                caller.signed(TOKEN_REQUEST, now - Duration.ofMinutes(4).toMillis()));

        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.msg()).contains("timestamp");
        assertThat(ahead.status()).isEqualTo(401);
        assertThat(slightlyOld.status()).isEqualTo(200);
    }

    @Test
    void refusesAnotherAppIdWithStatus401() {
        Map<String, String> params = caller.signed(TOKEN_REQUEST, System.currentTimeMillis());
        params.put("appid", "someone-else");

        SandboxCaller.Reply reply = caller.postRaw(OpenApiPaths.ACCESS_TOKEN, params);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.msg()).contains("appid");
    }

    @Test
    void refusesAnUnsignedRequestWithStatus401() {
        Map<String, String> params = caller.signed(TOKEN_REQUEST, System.currentTimeMillis());
        params.remove("sign");

        assertThat(caller.postRaw(OpenApiPaths.ACCESS_TOKEN, params).status()).isEqualTo(401);
    }

    @Test
    void refusesTheWrongHttpMethodWith405() {
        SandboxCaller.Reply reply = caller.get(OpenApiPaths.ACCESS_TOKEN, TOKEN_REQUEST);

        assertThat(reply.httpCode()).isEqualTo(405);
        assertThat(reply.msg()).isEqualTo("use POST");
    }

    @Test
    void answersHttp404ForAPathThePlatformDoesNotHave() {
        SandboxCaller.Reply reply = caller.get("/neuopenapi/no/such/thing", Map.of());

        assertThat(reply.httpCode()).isEqualTo(404);
        assertThat(sandbox.platform().requestCount("/neuopenapi/no/such/thing")).isZero();
    }
}
