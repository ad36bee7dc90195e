package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.cardform.CardFormClient;
import dev.superapp.batch.platform.cardform.CardFormContent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code sandbox} as a person starts it: {@code --gone-ids} makes the card form refuse those uniqueIds with 30001, the
 * refusal a campaign turns into a suppression, reached through the lines the command prints and the real client.
 */
class SandboxCommandTest {

    private static final CardFormContent FORM = new CardFormContent("{}", null, null);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private Thread running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            // The command waits for the process to stop; an interrupt ends the wait and closes the server.
            running.interrupt();
            running.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    @Test
    void refusesTheGoneIdsItIsGivenWith30001AndDeliversTheOthers() throws Exception {
        List<String> lines = started("sandbox", "--port=0", "--gone-ids=card-gone-1, card-gone-2");

        try (ConfigurableApplicationContext context = SandboxCredentialsTest.startedWith(
                SandboxCredentialsTest.exportedByBash(dir, lines))) {
            CardFormClient client = context.getBean(CardFormClient.class);

            assertThat(client.sendCardForm("try-1", FORM, List.of("card-1")).successUniqueId()).containsExactly("card-1");
            assertThatThrownBy(() -> client.sendCardForm("try-2", FORM, List.of("card-1", "card-gone-2")))
                    .isInstanceOfSatisfying(PlatformRejectedException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(30001);
                        assertThat(refused.rawAnswer()).contains("card-gone-2").doesNotContain("card-gone-1");
                    });
        }
    }

    @Test
    void helpNamesTheOption() {
        CliRun help = CliRun.run("sandbox", "--help");

        assertThat(help.out()).contains("--gone-ids=ID[,ID...]").contains("30001");
    }

    /** Runs the command on a thread of its own until the test ends, and returns the lines it printed on starting. */
    private List<String> started(String... args) {
        running = new Thread(() -> SuperappCommand.commandLine(new SpringContextStarter())
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true)).execute(args),
                "sandbox-command");
        running.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("RECONCILIATION_PLATFORM"));
        return out.toString().lines().toList();
    }
}
