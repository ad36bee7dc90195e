package dev.superapp.batch.cli;

import dev.superapp.batch.bench.BenchDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench [--database=h2|mariadb] reconciliation|campaign|staging}: measures a job against the sandbox,
 * printing the run's settings and each figure. Benchmarks never run in the test suite; they time real work on a
 * real database. Without {@code -Dspring.datasource.url} each benchmark uses a fresh embedded H2 file database,
 * or with {@code --database=mariadb} a fresh schema on the local MariaDB, dropped at the end.
 */
@Command(name = "bench", description = "Measure a job against the platform sandbox (see the README's Performance section).",
        subcommands = {BenchReconciliationCommand.class, BenchCampaignCommand.class, BenchStagingCommand.class})
final class BenchCommand implements Runnable {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    /** Which fresh database a benchmark creates when {@code -Dspring.datasource.url} names none; spelled as typed. */
    enum DatabaseKind { h2, mariadb }

    @Option(names = "--database", defaultValue = "h2", scope = ScopeType.INHERIT,
            description = "h2: a fresh embedded H2 file database; mariadb: a fresh schema on 127.0.0.1:3306 (user root, "
                    + "no password), dropped at the end. Ignored with -Dspring.datasource.url. Default: ${DEFAULT-VALUE}.")
    private DatabaseKind databaseKind;

    private Map<String, String> database;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The database of this benchmark run, for its printed settings. */
    String databaseUrl() {
        return database().get("spring.datasource.url");
    }

    /** The user's {@code -D} properties, with the benchmark's database, to pass on to a child JVM. */
    Map<String, String> userProperties() {
        Map<String, String> properties = new LinkedHashMap<>(root.properties());
        properties.putAll(database());
        return properties;
    }

    <T> T inContext(Map<String, String> properties, Function<ConfigurableApplicationContext, T> work) {
        Map<String, String> withDatabase = new LinkedHashMap<>(properties);
        withDatabase.putAll(database());
        return root.inContext(withDatabase, work);
    }

    /** The user's database, or one fresh database shared by this benchmark's jobs. */
    private Map<String, String> database() {
        if (database == null) {
            String chosen = root.properties().get("spring.datasource.url");
            database = chosen != null ? Map.of("spring.datasource.url", chosen)
                    : databaseKind == DatabaseKind.mariadb ? BenchDatabase.freshMariaDbSchema().properties()
                    : BenchDatabase.freshH2().properties();
        }
        return database;
    }
}
