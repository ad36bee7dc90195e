package dev.superapp.batch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a benchmark keeps its data when the user names no database: a fresh embedded H2 file database. */
public final class BenchDatabase {

    private BenchDatabase() {
    }

    /** A new H2 file database under a new temporary directory, speaking MySQL like production. */
    public static String freshH2Url() {
        try {
            Path dir = Files.createTempDirectory("superapp-bench-");
            return "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";MODE=MySQL";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the benchmark database", e);
        }
    }
}
