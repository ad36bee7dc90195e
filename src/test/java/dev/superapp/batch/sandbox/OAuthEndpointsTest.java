package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthEndpointsTest {

    private final SandboxServer sandbox = SandboxServer.start(SandboxCaller.settings());
    private final SandboxCaller caller = new SandboxCaller(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aCodeGivesATokenThatGivesTheSameOpenIdEveryTime() {
        String token = accessToken("code-1").response().path("accessToken").asString();

        SandboxCaller.Reply user = caller.get(OpenApiPaths.USER_INFO, Map.of("accessToken", token));
        SandboxCaller.Reply again = caller.get(OpenApiPaths.USER_INFO,
                Map.of("accessToken", accessToken("code-1").response().path("accessToken").asString()));
        SandboxCaller.Reply other = caller.get(OpenApiPaths.USER_INFO,
                Map.of("accessToken", accessToken("code-2").response().path("accessToken").asString()));

        assertThat(user.status()).isEqualTo(200);
        assertThat(user.response().path("openId").asString()).isEqualTo(OAuthEndpoints.openIdFor("code-1"))
                .isEqualTo(again.response().path("openId").asString())
                .isNotEqualTo(other.response().path("openId").asString());
        assertThat(user.response().path("unionId").asString()).hasSize(32);
    }

    @Test
    void accessTokenAnswersTheSeedFields() {
        SandboxCaller.Reply token = accessToken("code-1");

        assertThat(token.response().path("expire").asLong()).isEqualTo(604_800);
        assertThat(token.response().path("tokenType").asString()).isEqualTo("bearer");
    }

    @Test
    void userInfoRefusesATokenItDidNotIssueWithStatus401() {
        SandboxCaller.Reply reply = caller.get(OpenApiPaths.USER_INFO, Map.of("accessToken", "forged"));

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void accessTokenRefusesAnotherGrantTypeWithStatus400() {
        SandboxCaller.Reply reply = caller.post(OpenApiPaths.ACCESS_TOKEN,
                Map.of("code", "code-1", "grantType", "password", "scope", "user.info"));

        assertThat(reply.status()).isEqualTo(400);
    }

    private SandboxCaller.Reply accessToken(String code) {
        return caller.post(OpenApiPaths.ACCESS_TOKEN,
                Map.of("code", code, "grantType", "authorization_code", "scope", "user.info"));
    }
}
