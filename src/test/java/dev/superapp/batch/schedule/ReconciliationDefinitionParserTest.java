package dev.superapp.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationDefinitionParserTest {

    @TempDir
    Path dir;

    private final ReconciliationDefinitionParser parser = new ReconciliationDefinitionParser();

    @Test
    void readsTheShippedNightlyDefinition() {
        ScheduledDefinition definition = parser.parse(Path.of("jobs/reconciliation.yaml"), "f");

        assertThat(definition.name()).isEqualTo("reconciliation");
        assertThat(definition.kind()).isEqualTo(JobKind.RECONCILIATION);
        assertThat(definition.cron()).isEqualTo("0 30 2 * * ?");
        assertThat(definition.timeZone()).isEqualTo(ZoneId.of("Asia/Riyadh"));
        assertThat(definition.options()).containsExactlyInAnyOrderEntriesOf(
                Map.of("closeAfter", "30m", "pollAttempts", "3", "pollInterval", "2s"));
    }

    @Test
    void takesTheSystemZoneAndThePropertiesWhenTheyAreLeftOut() throws Exception {
        Path file = write("job: reconciliation\ncron: \"0 0 3 * * ?\"\n");

        ScheduledDefinition definition = parser.parse(file, "f");

        assertThat(definition.timeZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(definition.options()).isEmpty();
    }

    @Test
    void reportsEveryProblemInOneLineNamingTheFile() throws Exception {
        Path file = write("""
                job: reconcile
                cron: "every night"
                timeZone: Mars/Olympus
                options: {closeAfter: soon, pollAttempts: 0, retries: 2}
                extra: 1
                """);

        assertThatThrownBy(() -> parser.parse(file, "f"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContainingAll("extra: unknown key", "job: must be 'reconciliation'",
                        "cron: 'every night' is not a valid Quartz cron expression", "timeZone: 'Mars/Olympus'",
                        "options.retries: unknown key", "options.closeAfter: 'soon' is not a duration",
                        "options.pollAttempts: '0' is not a whole number of at least 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void reportsYamlThatDoesNotParse() throws Exception {
        Path file = write("job: [reconciliation\n");

        assertThatThrownBy(() -> parser.parse(file, "f")).hasMessageStartingWith(file + ": not valid YAML");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("reconciliation.yaml"), yaml);
    }
}
