package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(SandboxSettings.defaults("app", "top-secret").toString())
                .contains("app").contains("secret=****").doesNotContain("top-secret");
    }

    @Test
    void acceptsTheCardFormOfTheSameMiniAppByDefaultAndNeverShowsItsKey() {
        SandboxSettings settings = SandboxSettings.defaults("app", "top-secret");

        assertThat(settings.cardForm())
                .isEqualTo(new SandboxCardForm("app", SandboxCardForm.DEFAULT_BIZ_ID, "top-secret"));
        assertThat(new SandboxCardForm("app", "form", "other-key").toString()).doesNotContain("other-key");
        assertThatThrownBy(() -> new SandboxCardForm("app", " ", "key")).hasMessageContaining("bizId");
    }

    @Test
    void refusesFaultRatesOutsideZeroToOneOrAddingUpToMoreThanOne() {
        assertThatThrownBy(() -> new FaultRates(1.5, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRates(-0.1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRates(0.6, 0.6, 0, 0, 0))
                .hasMessageContaining("more than 1");
        assertThat(FaultRates.uniform(0.2)).isNotNull();
    }

    @Test
    void refusesNegativeDurationsAndMissingCredentials() {
        SandboxSettings settings = SandboxSettings.defaults("app", "secret");

        assertThatThrownBy(() -> settings.withLatency(Duration.ofMillis(-1))).hasMessageContaining("latency");
        assertThatThrownBy(() -> settings.withCapacityPerSecond(-1)).hasMessageContaining("capacityPerSecond");
        assertThatThrownBy(() -> SandboxSettings.defaults("app", " ")).hasMessageContaining("secret");
    }

    @Test
    void listensOnTheLoopbackAndNamesATakenPort() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxCaller.settings())) {
            assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
            assertThatThrownBy(() -> SandboxServer.start(SandboxCaller.settings().withPort(sandbox.port())))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + sandbox.port());
        }
    }

    @Test
    void closeDoesNotWaitForARequestHangingInATimeout() {
        SandboxServer sandbox = SandboxServer.start(SandboxCaller.settings().withTimeoutHang(Duration.ofMinutes(1)));
        sandbox.platform().failNext(OpenApiPaths.USER_INFO, 1, Fault.TIMEOUT);
        SandboxCaller caller = new SandboxCaller(sandbox);
        CompletableFuture<SandboxCaller.Reply> hanging =
                CompletableFuture.supplyAsync(() -> caller.get(OpenApiPaths.USER_INFO, Map.of("accessToken", "x")));
        await(() -> sandbox.platform().requestCount(OpenApiPaths.USER_INFO) == 1);
        long started = System.nanoTime();

        sandbox.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(hanging::join).hasCauseInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> caller.get(OpenApiPaths.USER_INFO, Map.of("accessToken", "x")))
                .isInstanceOf(UncheckedIOException.class);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(condition::getAsBoolean);
    }
}
