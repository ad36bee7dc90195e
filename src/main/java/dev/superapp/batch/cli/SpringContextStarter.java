package dev.superapp.batch.cli;

import dev.superapp.batch.SuperappBatchApplication;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the Spring application context for one command: not a web application, no banner,
 * with the command's properties taking precedence over application.yaml and the environment.
 * The command closes the context when it is done; Spring Boot's shutdown hook still closes it
 * cleanly when a long-running command is stopped with Ctrl-C.
 *
 * <p>A context that fails to start because of the user's setup (an unreachable database, an
 * invalid property) becomes a {@link dev.superapp.batch.system.UserInputException}; see
 * {@link StartupFailure}.
 */
class SpringContextStarter {

    /**
     * Spring Boot, Hikari and the context log a failed start at length, stack traces included;
     * the command reports it in one line instead. Defaults only, so application.yaml can differ.
     */
    private static final Map<String, Object> QUIET_FAILURES = Map.of(
            "logging.level.org.springframework.boot.SpringApplication", "off",
            "logging.level.org.springframework.boot.diagnostics", "off",
            "logging.level.org.springframework.context", "error",
            "logging.level.com.zaxxer.hikari", "off");

    private final List<Class<?>> extraSources;

    SpringContextStarter() {
        this(List.of());
    }

    /** With extra configuration classes besides the application's own, e.g. a test-only job. */
    SpringContextStarter(List<Class<?>> extraSources) {
        this.extraSources = List.copyOf(extraSources);
    }

    ConfigurableApplicationContext start(Map<String, String> properties, boolean debug) {
        AtomicReference<Environment> environment = new AtomicReference<>();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SuperappBatchApplication.class)
                .sources(extraSources.toArray(Class<?>[]::new))
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(context -> environment.set(context.getEnvironment()));
        if (!debug) {
            builder.properties(QUIET_FAILURES);
        }
        try {
            return builder.run(asArguments(properties));
        } catch (RuntimeException e) {
            throw StartupFailure.explain(e, environment.get());
        }
    }

    /** As {@code --name=value} arguments, the highest-precedence property source Spring Boot has. */
    private static String[] asArguments(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
    }
}
