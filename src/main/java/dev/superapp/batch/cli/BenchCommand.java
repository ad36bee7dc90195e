package dev.superapp.batch.cli;

import dev.superapp.batch.bench.BenchDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench reconciliation|campaign|staging}: measures a job against the sandbox, printing the run's
 * settings and each figure. Benchmarks never run in the test suite; they time real work on a real database.
 * Without {@code -Dspring.datasource.url} each benchmark uses a fresh embedded H2 file database.
 */
@Command(name = "bench", description = "Measure a job against the platform sandbox (see the README's Performance section).",
        subcommands = {BenchReconciliationCommand.class, BenchCampaignCommand.class, BenchStagingCommand.class})
final class BenchCommand implements Runnable {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    private String databaseUrl;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The database of this benchmark run: the user's, or one fresh H2 database shared by its jobs. */
    String databaseUrl() {
        if (databaseUrl == null) {
            String chosen = root.properties().get("spring.datasource.url");
            databaseUrl = chosen != null ? chosen : BenchDatabase.freshH2Url();
        }
        return databaseUrl;
    }

    /** The user's {@code -D} properties, with the benchmark's database, to pass on to a child JVM. */
    Map<String, String> userProperties() {
        Map<String, String> properties = new LinkedHashMap<>(root.properties());
        properties.put("spring.datasource.url", databaseUrl());
        return properties;
    }

    <T> T inContext(Map<String, String> properties, Function<ConfigurableApplicationContext, T> work) {
        Map<String, String> withDatabase = new LinkedHashMap<>(properties);
        withDatabase.put("spring.datasource.url", databaseUrl());
        return root.inContext(withDatabase, work);
    }
}
