package dev.superapp.batch.platform.cardform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.PlatformTransport;
import java.util.List;
import dev.superapp.batch.platform.CallMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CardFormConfigurationTest {

    private static final String[] ALL_BUT_SECRET = {"cardform.base-url=http://localhost:9", "cardform.miniapp-id=m-1",
            "cardform.biz-id=b-1"};

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withBean(PlatformTransport.class, CardFormFixture::transport)
            .withBean(CallMetrics.class, () -> CallMetrics.NONE)
            .withUserConfiguration(CardFormConfiguration.class);

    @Test
    void startsWithoutCardFormSettingsOnTheSharedHttpClient() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CardFormClient.class).hasSingleBean(PlatformTransport.class);
            assertThat(context.getBean(CardFormProperties.class).timezone()).isEqualTo("UTC");
        });
    }

    @Test
    void namesAMissingBaseUrlRatherThanCallingProduction() {
        contexts.run(context -> assertThatThrownBy(() -> send(context.getBean(CardFormClient.class)))
                .isInstanceOf(PlatformNotConfiguredException.class)
                .hasMessage("cardform.base-url is not set (CARDFORM_BASE_URL)"));
    }

    @Test
    void namesTheMissingSecretAccessKeyOnTheFirstCall() {
        contexts.withPropertyValues(ALL_BUT_SECRET)
                .run(context -> assertThatThrownBy(() -> send(context.getBean(CardFormClient.class)))
                        .isInstanceOf(PlatformNotConfiguredException.class)
                        .hasMessage("cardform.secret-access-key is not set (CARDFORM_SECRET_ACCESS_KEY)"));
    }

    @Test
    void saysWhatIsMissingBeforeARunStartsAndNothingOnceConfigured() {
        contexts.withPropertyValues(ALL_BUT_SECRET).run(context ->
                assertThatThrownBy(() -> context.getBean(CardFormClient.class).requireConfigured())
                        .isInstanceOf(PlatformNotConfiguredException.class)
                        .hasMessageContaining("cardform.secret-access-key"));
        contexts.withPropertyValues(ALL_BUT_SECRET).withPropertyValues("cardform.secret-access-key=k")
                .run(context -> assertThatCode(() -> context.getBean(CardFormClient.class).requireConfigured())
                        .doesNotThrowAnyException());
    }

    @Test
    void namesATimezoneThatIsNotAZoneId() {
        contexts.withPropertyValues(ALL_BUT_SECRET).withPropertyValues("cardform.secret-access-key=k",
                        "cardform.timezone=Mars/Olympus")
                .run(context -> assertThatThrownBy(() -> send(context.getBean(CardFormClient.class)))
                        .isInstanceOf(PlatformNotConfiguredException.class)
                        .hasMessageContaining("cardform.timezone is not a time zone id"));
    }

    @Test
    void bindsEveryProperty() {
        contexts.withPropertyValues(ALL_BUT_SECRET).withPropertyValues("cardform.operator-id=op-1",
                        "cardform.secret-access-key=k-1", "cardform.timezone=Asia/Riyadh")
                .run(context -> assertThat(context.getBean(CardFormProperties.class)).isEqualTo(
                        new CardFormProperties("http://localhost:9", "m-1", "b-1", "op-1", "k-1", "Asia/Riyadh")));
    }

    private static void send(CardFormClient client) {
        client.sendCardForm("r-1", new CardFormContent("{}", null, null), List.of("u-1"));
    }
}
