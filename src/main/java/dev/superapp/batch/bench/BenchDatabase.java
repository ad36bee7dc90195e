package dev.superapp.batch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a benchmark keeps its data when the user names no database URL: a fresh embedded H2 file database,
 * or a fresh schema on the local MariaDB that is dropped when the benchmark's process ends.
 *
 * @param properties the {@code spring.datasource.*} properties that point a context at it
 */
public record BenchDatabase(Map<String, String> properties) {

    /** The local MariaDB (or MySQL) server of {@code bench --database=mariadb}: loopback, user root, no password. */
    static final String MARIADB_SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String MARIADB_USER = "root";

    public String url() {
        return properties.get("spring.datasource.url");
    }

    /** A new H2 file database under a new temporary directory, speaking MySQL like production. */
    public static BenchDatabase freshH2() {
        try {
            Path dir = Files.createTempDirectory("superapp-bench-");
            return new BenchDatabase(Map.of("spring.datasource.url",
                    "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";MODE=MySQL"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the benchmark database", e);
        }
    }

    /**
     * A new schema {@code bench_<time>_<random>} on the local MariaDB, dropped when this JVM exits (also when
     * the benchmark is interrupted), so repeated runs never measure each other's rows.
     *
     * @throws IllegalStateException the server cannot be reached or refuses to create the schema
     */
    public static BenchDatabase freshMariaDbSchema() {
        String schema = "bench_" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
        execute("CREATE DATABASE " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + schema),
                "drop-" + schema));
        return new BenchDatabase(Map.of(
                "spring.datasource.url", MARIADB_SERVER + schema + "?rewriteBatchedStatements=true&allowLoadLocalInfile=true",
                "spring.datasource.username", MARIADB_USER,
                "spring.datasource.password", ""));
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(MARIADB_SERVER, MARIADB_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the MariaDB at " + MARIADB_SERVER
                    + " as " + MARIADB_USER + ": " + e.getMessage(), e);
        }
    }
}
