package dev.superapp.batch.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where the tests' alerts go, started once for the whole test run on free loopback ports: a webhook receiver
 * (MockWebServer, answering 200 or a chosen status) and a real SMTP server (GreenMail).
 */
public final class AlertReceivers {

    public static final String MAIL_TO = "finance@example.test";

    private static final MockWebServer WEBHOOK = new MockWebServer();
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static volatile int webhookStatus = 200;

    static {
        WEBHOOK.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(webhookStatus).body("{}").build();
            }
        });
        try {
            WEBHOOK.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MAIL.start();
    }

    private AlertReceivers() {
    }

    /** Points {@code alerts.webhook-url}, {@code alerts.mail-to} and {@code spring.mail.*} at the receivers. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("alerts.webhook-url", () -> WEBHOOK.url("/hooks/finance").toString());
        registry.add("alerts.mail-to", () -> MAIL_TO);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    /** Forgets what arrived so far, and answers 200 again. */
    public static void reset() throws Exception {
        webhookStatus = 200;
        while (WEBHOOK.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // drained
        }
        MAIL.purgeEmailFromAllMailboxes();
    }

    public static void answerWebhookWith(int status) {
        webhookStatus = status;
    }

    /** The webhook requests that arrived, waiting up to a second for the first. */
    public static List<RecordedRequest> webhookRequests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest request = WEBHOOK.takeRequest(1, TimeUnit.SECONDS);
        while (request != null) {
            requests.add(request);
            request = WEBHOOK.takeRequest(10, TimeUnit.MILLISECONDS);
        }
        return requests;
    }

    public static List<MimeMessage> mails() {
        return List.of(MAIL.getReceivedMessages());
    }
}
