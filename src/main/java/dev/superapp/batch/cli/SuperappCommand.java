package dev.superapp.batch.cli;

import dev.superapp.batch.system.IsoDateInput;
import dev.superapp.batch.system.UserInputException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code superapp-batch} command line: one subcommand per thing a person runs.
 *
 * <p>Results go to standard output, errors to standard error as one line each. Exit codes:
 * 0 success, 1 the work itself failed (or an unexpected error), 2 the user can fix it (bad
 * arguments, files, configuration, an unreachable database). Subcommands that need Spring get
 * their context from {@link #inContext}, started with the {@code -D} properties.
 */
@Command(name = "superapp-batch", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = SuperappCommand.JarVersion.class,
        description = "Reconciliation and campaign pushes for super-app mini programs.",
        subcommands = {DemoCommand.class, ReconcileCommand.class, ImportOrdersCommand.class, RunsCommand.class,
                RestartCommand.class, PushCommand.class, ResolveCommand.class, SandboxCommand.class, ServeCommand.class, BenchCommand.class, UserCommand.class,
                VerifyReportCommand.class, SuppressCommand.class})
public class SuperappCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces and startup logs when something goes wrong.")
    private boolean debug;

    @Option(names = "-D", paramLabel = "property=value", scope = ScopeType.INHERIT,
            description = "Set a Spring property, e.g. -Dspring.datasource.url=jdbc:mysql://... "
                    + "(environment variables work too: SPRING_DATASOURCE_URL).")
    private Map<String, String> properties = new LinkedHashMap<>();

    private final SpringContextStarter contexts;

    SuperappCommand(SpringContextStarter contexts) {
        this.contexts = contexts;
    }

    /** Runs the command line on the process's standard streams and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(new SpringContextStarter()).execute(args);
    }

    /** Runs the command line in-process, writing results to {@code out} and errors to {@code err}. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(new SpringContextStarter()).setOut(out).setErr(err).execute(args);
    }

    static CommandLine commandLine(SpringContextStarter contexts) {
        CommandErrors errors = new CommandErrors();
        return new CommandLine(new SuperappCommand(contexts))
                // Durations read as in the properties: 500ms, 30s, 5m, or ISO-8601 (PT5M).
                .registerConverter(Duration.class, DurationStyle::detectAndParse)
                .registerConverter(LocalDate.class, SuperappCommand::date)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    /** picocli puts the converter's message after "Invalid value for option '--business-date': ". */
    private static LocalDate date(String text) {
        try {
            return IsoDateInput.parse(text);
        } catch (UserInputException notADate) {
            throw new CommandLine.TypeConversionException(notADate.getMessage());
        }
    }

    /** Runs {@code work} in a freshly started application context and closes the context afterwards. */
    <T> T inContext(Function<ConfigurableApplicationContext, T> work) {
        return inContext(Map.of(), work);
    }

    /**
     * Same, with properties the command needs (a demo's sandbox URL, say); the user's {@code -D}
     * properties still win, so every setting stays overridable.
     */
    <T> T inContext(Map<String, String> commandProperties, Function<ConfigurableApplicationContext, T> work) {
        Map<String, String> merged = new LinkedHashMap<>(commandProperties);
        merged.putAll(properties);
        try (ConfigurableApplicationContext context = contexts.start(merged, debug)) {
            return work.apply(context);
        }
    }

    boolean debug() {
        return debug;
    }

    /** The user's {@code -D} properties, for a command that passes them on to a child process. */
    Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version the build wrote into the jar's manifest ("development" when run from classes). */
    static final class JarVersion implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = SuperappCommand.class.getPackage().getImplementationVersion();
            return new String[] {"superapp-batch " + (version == null ? "development" : version)};
        }
    }
}
