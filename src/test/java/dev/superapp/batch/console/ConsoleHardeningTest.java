package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.RawHttp;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console over real HTTP, as a browser and an attacker meet it: security headers on every answer, the session
 * cookie's flags (Secure behind a TLS proxy), password guessing slowed and logged without the password, and an
 * upload from someone not signed in refused before its body is read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
                "server.forward-headers-strategy=native", "console.max-upload-size=1KB"})
@ExtendWith(OutputCaptureExtension.class)
class ConsoleHardeningTest {

    private static final String PASSWORD = "correct horse battery";
    /** The guessing test's own client address, so that its waits hold no other test back. */
    private static final String GUESSER = "203.0.113.5";

    @LocalServerPort int port;
    @Autowired ConsoleUsers users;

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/login", "/", "/console.css", "/console.js", "/no-such-page", "/api/runs/1/progress")) {
            try (Response response = http.newCall(get(path).build()).execute()) {
                assertThat(response.header("Content-Security-Policy")).as(path)
                        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval");
                assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
                assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
                assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
            }
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureOnlyWhenTheProxySaysTls() throws Exception {
        try (Response plain = http.newCall(get("/login").build()).execute()) {
            assertThat(plain.header("Set-Cookie")).contains("JSESSIONID=", "HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        }
        try (Response behindTls = http.newCall(get("/login").header("X-Forwarded-Proto", "https").build()).execute()) {
            assertThat(behindTls.header("Set-Cookie")).contains("JSESSIONID=", "HttpOnly", "SameSite=Lax", "Secure");
        }
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsAndThePageSaysHowLong(CapturedOutput output) throws Exception {
        users.save("guessed", PASSWORD, ConsoleRole.FINANCE);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(guess("guessed", "wrong-password-" + attempt)).endsWith("/login?error");
        }
        assertThat(guess("guessed", "wrong-password-5")).endsWith("/login?error&wait=30");

        String refused = guess("guessed", PASSWORD);

        assertThat(refused).contains("/login?wait=");
        try (Response page = http.newCall(get("/login?wait=30").build()).execute()) {
            assertThat(page.body().string()).contains("id=\"sign-in-wait\"", "wait 30 seconds before trying again");
        }
        assertThat(output.getAll()).contains("sign-in failed for user name 'guessed' from " + GUESSER)
                .doesNotContain("wrong-password-", PASSWORD);
    }

    @Test
    void anUploadFromSomeoneNotSignedInIsRefusedBeforeItsBodyIsRead() throws Exception {
        String head = "POST /campaigns/new HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 1000000000\r\n\r\n";

        assertThat(RawHttp.answerToHeadersAlone(port, head)).startsWith("HTTP/1.1 401");
    }

    @Test
    void anAudienceJustOverTheLimitIsRefusedByTheFormAndAFarLargerOneByTheServer() throws Exception {
        users.save("uploader", PASSWORD, ConsoleRole.MARKETING);
        String session = signIn("uploader", PASSWORD).cookie();

        try (Response answer = http.newCall(upload(session, "open_id\n" + "u123456789\n".repeat(400))).execute()) {
            assertThat(answer.code()).isEqualTo(200);
            assertThat(answer.body().string()).contains("The audience is larger than the limit of 1KB", "value=\"too-big\"");
        }
        // 1KB and 64KB for the other fields: past that the server stops reading.
        try (Response answer = http.newCall(upload(session, "open_id\n" + "u123456789\n".repeat(7000))).execute()) {
            assertThat(answer.code()).isEqualTo(413);
        }
    }

    private Request upload(String session, String audience) throws Exception {
        return new Request.Builder().url("http://127.0.0.1:" + port + "/campaigns/new").header("Cookie", session)
                .post(new MultipartBody.Builder().setType(MultipartBody.FORM)
                        .addFormDataPart("_csrf", csrfToken(session, "/campaigns/new?channel=notify"))
                        .addFormDataPart("channel", "notify").addFormDataPart("campaign", "too-big")
                        .addFormDataPart("audience", "big.csv", RequestBody.create(audience, MediaType.get("text/csv")))
                        .build())
                .build();
    }

    private record SignedIn(String cookie, String location) {
    }

        private String guess(String username, String password) throws Exception {
        return signIn(username, password, GUESSER).location();
    }

    /** Signs in through the form with its CSRF token, as a browser does. */
    private SignedIn signIn(String username, String password) throws Exception {
        return signIn(username, password, "127.0.0.1");
    }

    /** {@code client}: the address a trusted proxy in front (here the test itself) says the request came from. */
    private SignedIn signIn(String username, String password, String client) throws Exception {
        String cookie;
        try (Response form = http.newCall(get("/login").build()).execute()) {
            cookie = form.header("Set-Cookie").split(";")[0];
        }
        Request post = new Request.Builder().url("http://127.0.0.1:" + port + "/login").header("Cookie", cookie)
                .header("X-Forwarded-For", client)
                .post(new FormBody.Builder().add("username", username).add("password", password)
                        .add("_csrf", csrfToken(cookie, "/login")).build())
                .build();
        try (Response answer = http.newCall(post).execute()) {
            assertThat(answer.code()).isEqualTo(302);
            String renewed = answer.header("Set-Cookie");
            return new SignedIn(renewed == null ? cookie : renewed.split(";")[0], answer.header("Location"));
        }
    }

    private String csrfToken(String cookie, String page) throws Exception {
        try (Response form = http.newCall(get(page).header("Cookie", cookie).build()).execute()) {
            String html = form.body().string();
            int at = html.indexOf("name=\"_csrf\"");
            String token = html.substring(html.indexOf("value=\"", at) + 7);
            return token.substring(0, token.indexOf('"'));
        }
    }

    private Request.Builder get(String path) {
        return new Request.Builder().url("http://127.0.0.1:" + port + path);
    }
}
