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
    private static final List<String> CHANNELS = List.of("activity", "notify", "cardform");

    private DemoSamples() {
    }

    static List<SandboxTrade> platformTrades() {
        try (Reader reader = new InputStreamReader(open("platform-trades.csv"), StandardCharsets.UTF_8)) {
            return SandboxTradesFile.read(reader, "samples/platform-trades.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample campaigns, one per channel, with their audiences, extracted under {@code dir}. */
    static List<Path> campaigns(Path dir) {
        for (String channel : CHANNELS) {
            extract("audiences/" + channel + "-audience.csv", dir);
        }
        return CHANNELS.stream().map(channel -> extract("campaigns/" + channel + ".yaml", dir)).toList();
    }

    /** Removes the previous demo's database, so every demo pushes its campaigns afresh. */
    static void forgetEarlierDemo(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve("demo.mv.db"));
            Files.deleteIfExists(dataDir.resolve("demo.trace.db"));
        } catch (IOException e) {
            throw new UserInputException("cannot remove the previous demo database under " + dataDir + ": " + e.getMessage());
        }
    }

    /** Copies a packaged sample into {@code dir} so that it can be read like any user's file. */
    static Path extract(String name, Path dir) {
        try (InputStream in = open(name)) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
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
