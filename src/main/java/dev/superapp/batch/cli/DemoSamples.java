package dev.superapp.batch.cli;

import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.sandbox.SandboxTradesFile;
import dev.superapp.batch.system.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's sample files, packaged in the jar under {@code /samples} (from {@code jobs/samples/}),
 * so {@code demo} works from any directory.
 */
final class DemoSamples {

    static final String APP_ID = "sandbox-app";
    static final String SECRET = "sandbox-secret";

    private DemoSamples() {
    }

    static List<SandboxTrade> platformTrades() {
        try (Reader reader = new InputStreamReader(open("platform-trades.csv"), StandardCharsets.UTF_8)) {
            return SandboxTradesFile.read(reader, "samples/platform-trades.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a packaged sample into {@code dir} so that it can be read like any user's file. */
    static Path extract(String name, Path dir) {
        try (InputStream in = open(name)) {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract sample " + name + " into " + dir, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = DemoSamples.class.getResourceAsStream("/samples/" + name);
        if (in == null) {
            throw new UserInputException("the sample " + name + " is missing from the build; rebuild with ./mvnw package");
        }
        return in;
    }
}
