package dev.superapp.batch.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The databases the tests run on: the machine's MariaDB through mysql-connector-j, and H2 in
 * MySQL mode (the embedded default). Each test context gets a fresh, empty database so that
 * tests never see each other's rows; MariaDB schemas are dropped when the JVM exits.
 */
public enum TestDatabase {
    MARIADB {
        @Override
        String newUrl() {
            String schema = "sab_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
            CREATED_SCHEMAS.add(schema);
            return MARIADB_SERVER + schema + "?rewriteBatchedStatements=true";
        }

        @Override
        String username() {
            return MARIADB_USER;
        }
    },
    H2 {
        @Override
        String newUrl() {
            return "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
        }

        @Override
        String username() {
            return "sa";
        }
    };

    private static final String MARIADB_SERVER =
            System.getenv().getOrDefault("TEST_MARIADB_SERVER", "jdbc:mysql://127.0.0.1:3306/");
    private static final String MARIADB_USER = System.getenv().getOrDefault("TEST_MARIADB_USER", "root");
    private static final List<String> CREATED_SCHEMAS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED_SCHEMAS.forEach(
                schema -> execute("DROP DATABASE IF EXISTS " + schema)), "drop-test-schemas"));
    }

    abstract String newUrl();

    abstract String username();

    /** Points the test's Spring context at a new, empty database of this kind. */
    public void register(DynamicPropertyRegistry registry) {
        String url = newUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", this::username);
        registry.add("spring.datasource.password", () -> "");
    }

    /** A new, empty database of this kind, for tests that start processes of their own. */
    public String freshUrl() {
        return newUrl();
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(MARIADB_SERVER, MARIADB_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + MARIADB_SERVER + " is needed for the tests: " + e.getMessage(), e);
        }
    }
}
