package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is never updated or deleted: no statement in the application's code or migrations could
 * change an {@code order_audit} row once written, and {@link OrderAudit}, the one class that names the table,
 * only inserts and selects.
 */
class OrderAuditIsAppendOnlyTest {

    private static final Pattern CHANGES_AUDIT = Pattern.compile(
            "(?is)\\b(UPDATE\\s+order_audit|DELETE\\s+FROM\\s+order_audit|TRUNCATE\\s+(TABLE\\s+)?order_audit"
                    + "|REPLACE\\s+INTO\\s+order_audit|DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?order_audit)\\b");

    @Test
    void noCodeOrMigrationUpdatesOrDeletesAuditRows() throws IOException {
        assertThat(sources(Path.of("src/main/java"), Path.of("sql")))
                .isNotEmpty()
                .allSatisfy(file -> assertThat(CHANGES_AUDIT.matcher(Files.readString(file)).find())
                        .as(file + " changes order_audit rows").isFalse());
    }

    @Test
    void theAuditStoreOnlyInsertsAndSelects() throws IOException {
        String store = Files.readString(Path.of("src/main/java/dev/superapp/batch/reconciliation/OrderAudit.java"));
        assertThat(store).contains("INSERT INTO order_audit", "FROM order_audit");
        assertThat(store).as("SQL keywords are upper case there").doesNotContain("UPDATE", "DELETE", "TRUNCATE", "REPLACE");
    }

    private static List<Path> sources(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                        .forEach(files::add);
            }
        }
        return files;
    }
}
