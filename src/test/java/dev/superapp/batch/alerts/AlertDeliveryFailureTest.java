package dev.superapp.batch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/** Receivers that are down or missing end in a recorded, readable failure, never an exception. */
class AlertDeliveryFailureTest {

    private static final AlertMessage MESSAGE = AlertMessage.of("reconciliationJob", "2026-11-25", 7,
            List.of(new Alert("alerts.max-mismatches", "1 order differs from the platform.")));

    @Test
    void aMailServerThatIsDownIsAFailedDeliverySayingWhere() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(closedPort());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);

        AlertDelivery delivery = new AlertMail(beans.getBeanProvider(JavaMailSender.class))
                .send("batch@localhost", List.of("finance@example.test"), MESSAGE);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.detail()).startsWith("cannot send to finance@example.test: ");
    }

    @Test
    void mailWithoutSpringMailHostSaysWhichSettingIsMissing() {
        AlertDelivery delivery = new AlertMail(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class))
                .send("batch@localhost", List.of("finance@example.test"), MESSAGE);

        assertThat(delivery).isEqualTo(new AlertDelivery("mail", false, "alerts.mail-to is set but spring.mail.host is not"));
    }

    @Test
    void anUnreachableWebhookNamesOnlyItsHostNeverItsSecretPath() throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        java.net.URI url = java.net.URI.create("http://127.0.0.1:" + closedPort() + "/services/T000/B000/s3cr3t-token");

        AlertDelivery delivery = new AlertWebhook(http, JsonMapper.builder().build()).post(url, MESSAGE);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.detail()).startsWith("cannot reach http://127.0.0.1: ").doesNotContain("s3cr3t-token");
    }

    @Test
    void errorRateIsAPercentageAndBadValuesAreRefusedByName() {
        assertThat(properties("1%").errorRateLimit()).isEqualByComparingTo("0.01");
        assertThat(properties("0.5 %").errorRateLimit()).isEqualByComparingTo("0.005");
        assertThatThrownBy(() -> properties("150%")).hasMessageContaining("alerts.max-error-rate");
        assertThatThrownBy(() -> properties("lots")).hasMessageContaining("alerts.max-error-rate");
    }

    private static AlertProperties properties(String maxErrorRate) {
        return new AlertProperties(null, null, "batch@localhost", 0, maxErrorRate, Duration.ofDays(3));
    }

    /** A loopback port nobody listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
