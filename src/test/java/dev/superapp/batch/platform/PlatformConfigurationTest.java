package dev.superapp.batch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PlatformConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(PlatformConfiguration.class);

    @Test
    void startsWithoutSuperAppCredentials() {
        contexts.run(context -> assertThat(context)
                .hasNotFailed()
                .hasSingleBean(OkHttpClient.class)
                .hasSingleBean(SuperAppClient.class));
    }

    @Test
    void givesTheSharedHttpClientThePlatformTimeouts() {
        contexts.withPropertyValues("platform.connect-timeout=2s", "platform.read-timeout=7s", "platform.call-timeout=9s")
                .run(context -> {
                    OkHttpClient http = context.getBean(OkHttpClient.class);
                    assertThat(http.connectTimeoutMillis()).isEqualTo(2_000);
                    assertThat(http.readTimeoutMillis()).isEqualTo(7_000);
                    assertThat(http.callTimeoutMillis()).isEqualTo(9_000);
                });
    }

    @Test
    void namesTheMissingSecretOnTheFirstCall() {
        contexts.withPropertyValues("superapp.base-url=http://localhost:9", "superapp.app-id=mini-app-7")
                .run(context -> assertThatThrownBy(() -> context.getBean(SuperAppClient.class).tradeDetail("T-1"))
                        .isInstanceOf(PlatformNotConfiguredException.class)
                        .hasMessage("superapp.secret is not set (SUPERAPP_SECRET)"));
    }

    @Test
    void namesAMissingBaseUrlBeforeAnythingIsSent() {
        contexts.run(context -> assertThatThrownBy(() -> context.getBean(SuperAppClient.class).tradeClose("T-1"))
                .isInstanceOf(PlatformNotConfiguredException.class)
                .hasMessage("superapp.base-url is not set (SUPERAPP_BASE_URL)"));
    }
}
