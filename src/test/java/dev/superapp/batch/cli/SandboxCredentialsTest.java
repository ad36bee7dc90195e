package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.SuperappBatchApplication;
import dev.superapp.batch.platform.SuperAppClient;
import dev.superapp.batch.platform.cardform.CardFormClient;
import dev.superapp.batch.platform.cardform.CardFormContent;
import dev.superapp.batch.platform.mos.MosClient;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The lines {@code sandbox} prints, pasted into a shell as they are, configure every channel: the variables a
 * real bash exports from them start the application, and its SuperApp, card-form and MOS clients each get a
 * signed answer from the sandbox.
 */
class SandboxCredentialsTest {

    /** A secret a shell would split or unquote if it were printed bare. */
    private static final String SECRET = "it's a $ecret";

    @TempDir
    Path dir;

    private final SandboxSettings settings = SandboxSettings.defaults("try-app", SECRET);
    private final SandboxServer sandbox = SandboxServer.start(settings);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void pastedLinesConfigureSuperAppCardFormAndMos() throws Exception {
        sandbox.platform().addTrades(DemoSamples.platformTrades());
        List<String> lines = new SandboxCredentials(sandbox.baseUrl(), settings).lines();
        assertThat(lines.get(0)).startsWith("sandbox listening on " + sandbox.baseUrl());

        Map<String, String> exported = exportedByBash(dir, lines);

        assertThat(exported).containsEntry("SUPERAPP_SECRET", SECRET).containsEntry("CARDFORM_BIZ_ID", "sandbox-card-form")
                .containsEntry("CARDFORM_MINIAPP_ID", "try-app").containsEntry("MOS_APP_KEY", "try-app");
        try (ConfigurableApplicationContext context = startedWith(exported)) {
            assertThat(context.getBean(SuperAppClient.class).tradeDetail("sbx-trade-1001").transactionStatus()).isEqualTo(2);
            assertThat(context.getBean(MosClient.class).orderQuery("ORD-1001").transactionStatus()).isEqualTo(2);
            assertThat(context.getBean(CardFormClient.class)
                    .sendCardForm("try-1", new CardFormContent("{}", null, null), List.of("u-1")).successUniqueId())
                    .containsExactly("u-1");
        }
    }

    @Test
    void quotesOnlyWhatAShellWouldChange() {
        assertThat(SandboxCredentials.shellQuoted("http://127.0.0.1:8089")).isEqualTo("http://127.0.0.1:8089");
        assertThat(SandboxCredentials.shellQuoted("it's")).isEqualTo("'it'\\''s'");
    }

    /** The variables a real bash exports after sourcing the printed lines (all but the first, the address). */
    static Map<String, String> exportedByBash(Path dir, List<String> lines) throws Exception {
        Path script = dir.resolve("env.sh");
        Files.write(script, lines.subList(1, lines.size()), StandardCharsets.UTF_8);
        Process bash = new ProcessBuilder("bash", "-c", ". " + script + " && env -0").redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        Map<String, String> exported = new LinkedHashMap<>();
        for (String variable : output.split("\0")) {
            String name = variable.substring(0, Math.max(0, variable.indexOf('=')));
            if (name.startsWith("SUPERAPP_") || name.startsWith("CARDFORM_") || name.startsWith("MOS_")) {
                exported.put(name, variable.substring(name.length() + 1));
            }
        }
        return exported;
    }

    /** The application with these environment variables, bound by relaxed binding as the real environment is. */
    static ConfigurableApplicationContext startedWith(Map<String, String> environment) {
        return new SpringApplicationBuilder(SuperappBatchApplication.class).web(WebApplicationType.NONE)
                .initializers(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("pasted-systemEnvironment", Map.copyOf(environment))))
                .run("--spring.datasource.url=" + TestDatabase.H2.freshUrl());
    }
}
