package dev.superapp.batch.platform.v2;

import static dev.superapp.batch.platform.v2.V2Fixture.CLIENT_ID;
import static dev.superapp.batch.platform.v2.V2Fixture.REQUEST_TIME;
import static dev.superapp.batch.platform.v2.V2Fixture.result;
import static dev.superapp.batch.platform.v2.V2Fixture.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.platform.PlatformUnavailableException;
import dev.superapp.batch.platform.Sleeper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v2 transport on the wire: RSA-signed requests, verified answers, and S/F/U/A taken for what they are. */
class V2ClientTest {

    private static final V2Endpoint INQUIRY = new V2Endpoint("payments/inquiry");
    private static final String PATH = "/api/open/v2/payments/inquiry";
    private static final String BODY = "{\"paymentRequestId\":\"pr-1\"}";
    private static final Pattern HEADER = Pattern.compile("algorithm=RSA256, keyVersion=1, signature=(\\S+)");

    @TempDir Path keys;
    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();
    private final V2Fixture fixture = new V2Fixture();
    private V2Client client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        Sleeper recorded = wait -> {
            if (!wait.isZero()) {
                waits.add(wait);
            }
        };
        client = fixture.client(server, keys, recorded);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signsTheMethodPathClientIdRequestTimeAndBodyWithOurKey() throws Exception {
        server.enqueue(signed(fixture.platform.getPrivate(), PATH, result("S", "SUCCESS"), result("S", "SUCCESS")));

        client.post(INQUIRY, BODY);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo(PATH);
        assertThat(request.getHeaders().get("Client-Id")).isEqualTo(CLIENT_ID);
        assertThat(request.getHeaders().get("Request-Time")).isEqualTo(REQUEST_TIME);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(request.getBody().utf8()).isEqualTo(BODY);
        Matcher header = HEADER.matcher(request.getHeaders().get("Signature"));
        assertThat(header.matches()).isTrue();
        String signedText = "POST " + PATH + "\n" + CLIENT_ID + "." + REQUEST_TIME + "." + BODY;
        assertThat(verifiesWithOurPublicKey(signedText, header.group(1))).isTrue();
        assertThat(verifiesWithOurPublicKey(signedText + " ", header.group(1))).isFalse();
    }

    @Test
    void returnsAVerifiedSuccess() {
        server.enqueue(signed(fixture.platform.getPrivate(), PATH, result("S", "SUCCESS"), result("S", "SUCCESS")));

        V2Answer answer = client.post(INQUIRY, BODY);

        assertThat(answer.resultCode()).isEqualTo("SUCCESS");
        assertThat(answer.body().path("paymentStatus").stringValue()).isEqualTo("SUCCESS");
    }

    @Test
    void rejectsATamperedAnswerWithoutUsingAnyOfItsFields() {
        String genuine = result("F", "ORDER_NOT_EXIST");
        String tampered = result("S", "SUCCESS");
        for (int i = 0; i < 5; i++) {
            server.enqueue(signed(fixture.platform.getPrivate(), PATH, genuine, tampered));
        }

        assertThatThrownBy(() -> client.post(INQUIRY, BODY)).isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("without a valid platform signature");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void rejectsAnAnswerSignedWithAnotherKey() {
        String body = result("S", "SUCCESS");
        for (int i = 0; i < 5; i++) {
            server.enqueue(signed(V2Fixture.generate(2048).getPrivate(), PATH, body, body));
        }

        assertThatThrownBy(() -> client.post(INQUIRY, BODY)).isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("without a valid platform signature");
    }

    @Test
    void takesAVerifiedFailureAsFinal() {
        String body = result("F", "ORDER_NOT_EXIST");
        server.enqueue(signed(fixture.platform.getPrivate(), PATH, body, body));

        assertThatThrownBy(() -> client.post(INQUIRY, BODY)).isInstanceOf(V2FailedException.class)
                .hasMessageContaining("ORDER_NOT_EXIST")
                .satisfies(e -> assertThat(((V2FailedException) e).resultCode()).isEqualTo("ORDER_NOT_EXIST"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void asksAgainWithTheSameBodyAfterUnknownAndAccepted() throws Exception {
        for (String status : new String[] {"U", "A", "S"}) {
            String body = result(status, status.equals("S") ? "SUCCESS" : "PROCESSING");
            server.enqueue(signed(fixture.platform.getPrivate(), PATH, body, body));
        }

        assertThat(client.post(INQUIRY, BODY).resultCode()).isEqualTo("SUCCESS");

        for (int i = 0; i < 3; i++) {
            assertThat(server.takeRequest().getBody().utf8()).isEqualTo(BODY);
        }
        assertThat(waits).hasSize(2);
    }

    @Test
    void neverTakesUnknownForSuccessOrFailure() {
        String body = result("U", "UNKNOWN_EXCEPTION");
        for (int i = 0; i < 5; i++) {
            server.enqueue(signed(fixture.platform.getPrivate(), PATH, body, body));
        }

        assertThatThrownBy(() -> client.post(INQUIRY, BODY)).isInstanceOf(PlatformUnavailableException.class)
                .isNotInstanceOf(V2FailedException.class)
                .hasMessageContaining("resultStatus U");
    }

    private boolean verifiesWithOurPublicKey(String text, String urlEncodedSignature) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(fixture.ours.getPublic());
        rsa.update(text.getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(URLDecoder.decode(urlEncodedSignature, StandardCharsets.UTF_8)));
    }
}
