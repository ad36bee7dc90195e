package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import picocli.CommandLine;

/** What every command shares: usage errors, setup errors and unexpected failures, each as one line. */
class SuperappCommandTest {

    private final String database = "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl();

    @Test
    void reportsAnUnknownOptionOnOneLineWithExitCode2() {
        CliRun run = CliRun.run("runs", "--limt", "3", database);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("Unknown option").contains("'--limt'").endsWith("(see 'superapp-batch runs --help')");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsAnUnknownCommandWithTheCommandsThereAreAndExitCode2() {
        CliRun run = CliRun.run("frobnicate");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("unknown command 'frobnicate' Commands: demo, reconcile, import-orders, runs")
                .contains("user").doesNotContain("did you mean");
    }

    @Test
    void suggestsTheNearestCommandForATypo() {
        assertThat(CliRun.run("reconcil").errLines()).singleElement().asString()
                .startsWith("unknown command 'reconcil'; did you mean 'reconcile'? Commands: demo, reconcile,");
        assertThat(CliRun.run("imprt-orders").err()).contains("did you mean 'import-orders'?");
        CliRun user = CliRun.run("user", "updte", "ada");
        assertThat(user.exitCode()).isEqualTo(2);
        assertThat(user.errLines()).singleElement().asString()
                .startsWith("unknown command 'user updte'; did you mean 'user update'? Commands: add, update, remove, list");
    }

    @Test
    void reportsABadDateInWordsWithoutJavaClassNames() {
        CliRun run = CliRun.run("reconcile", "--business-date=2026-02-30", database);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("Invalid value for option '--business-date': "
                + "2026-02-30 is not a date (YYYY-MM-DD) (see 'superapp-batch reconcile --help')");
    }

    @Test
    void everyCommandAndOptionSaysWhatItDoesInItsHelp() {
        List<CommandLine> commands = new java.util.ArrayList<>();
        collect(SuperappCommand.commandLine(new SpringContextStarter()), commands);

        assertThat(commands).hasSizeGreaterThan(10).allSatisfy(command -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            assertThat(description).as(command.getCommandSpec().qualifiedName()).isNotEmpty();
            assertThat(description[0]).as(command.getCommandSpec().qualifiedName()).endsWith(".");
            assertThat(command.getCommandSpec().options()).allSatisfy(option ->
                    assertThat(String.join(" ", option.description())).as(command.getCommandName() + " " + option.longestName())
                            .isNotBlank());
            assertThat(command.getCommandSpec().positionalParameters()).allSatisfy(parameter ->
                    assertThat(String.join(" ", parameter.description())).as(command.getCommandName() + " " + parameter.paramLabel())
                            .isNotBlank());
        });
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void reportsAnArgumentOfTheWrongTypeWithExitCode2() {
        CliRun run = CliRun.run("restart", "last-night");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("'last-night' is not a long");
    }

    @Test
    void reportsAnUnreachableDatabaseByItsUrlWithExitCode2() {
        CliRun run = CliRun.run("runs", "-Dspring.datasource.url=jdbc:mysql://127.0.0.1:1/nope");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("cannot reach the database at jdbc:mysql://127.0.0.1:1/nope: ")
                .contains("Connection refused");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void neverPrintsTheDatabasePassword() {
        CliRun run = CliRun.run("runs", "-Dspring.datasource.url=jdbc:mysql://app:hunter2@127.0.0.1:1/nope?password=hunter2",
                "-Dspring.datasource.password=hunter2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("cannot reach the database at jdbc:mysql://app:****@127.0.0.1:1/nope?password=****: ")
                .doesNotContain("hunter2");
    }

    @Test
    void reportsAPropertyThatCannotBeBoundByNameWithExitCode2() {
        CliRun run = CliRun.run("runs", database, "-Dspring.datasource.hikari.maximum-pool-size=lots");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("invalid configuration property spring.datasource.hikari.maximum-pool-size = \"lots\"");
    }

    @Test
    void acceptsPropertiesBeforeTheCommandToo() {
        CliRun run = CliRun.run(database, "runs");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("no job executions yet\n");
    }

    @Test
    void reportsAnUnexpectedFailureOnOneLineWithExitCode1() {
        CliRun run = CliRun.run(new SpringContextStarter(List.of(BrokenConfiguration.class)), "runs", database);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("superapp-batch runs failed unexpectedly: "
                + "IllegalStateException: broken on purpose (run again with --debug for details)");
    }

    @Test
    void showsTheStackTraceOfAnUnexpectedFailureWithDebug() {
        CliRun run = CliRun.run(new SpringContextStarter(List.of(BrokenConfiguration.class)), "runs", "--debug", database);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines().get(0)).isEqualTo("superapp-batch runs failed unexpectedly: IllegalStateException: broken on purpose");
        assertThat(run.err()).contains("\tat dev.superapp.batch.cli.SuperappCommandTest$BrokenConfiguration.broken");
    }

    @Test
    void letsTheUsersPropertiesOverrideTheOnesACommandSets() {
        Map<String, String> started = new HashMap<>();
        SpringContextStarter recording = new SpringContextStarter() {
            @Override
            ConfigurableApplicationContext start(Map<String, String> properties, boolean debug) {
                started.putAll(properties);
                return new GenericApplicationContext();
            }
        };
        CommandLine commandLine = SuperappCommand.commandLine(recording);
        commandLine.parseArgs("-Dreports.dir=/mine", "runs");

        commandLine.<SuperappCommand>getCommand().inContext(
                Map.of("reports.dir", "/demo", "superapp.base-url", "http://localhost:1234"), context -> null);

        assertThat(started).containsExactlyInAnyOrderEntriesOf(
                Map.of("reports.dir", "/mine", "superapp.base-url", "http://localhost:1234"));
    }

    /** A bean that cannot be created: a bug, not something the user set up wrong. */
    static class BrokenConfiguration {

        @Bean
        Object broken() {
            throw new IllegalStateException("broken on purpose");
        }
    }
}
