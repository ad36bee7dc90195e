package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.SuperappBatchApplication;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The default embedded database is shared: while {@code serve} runs in a child JVM on it (started in a fresh
 * directory with nothing configured), the other commands run in this JVM, with a connection pool of their own,
 * against the same file and see the same data.
 */
class SharedEmbeddedDatabaseTest {

    @TempDir
    Path dir;

    private Process serve;
    private final InputStream originalIn = System.in;

    @AfterEach
    void stopServe() throws InterruptedException {
        System.setIn(originalIn);
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void commandsWorkBesideServeOnTheDefaultH2File() throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        Path log = dir.resolve("serve.log");
        serve = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SuperappBatchApplication.class.getName(),
                "serve", "-Dserver.port=0", "-Dmanagement.server.port=0"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(120)).until(() -> !serve.isAlive() || Files.readString(log).contains("serving as node"));
        assertThat(serve.isAlive()).as(Files.readString(log)).isTrue();

        String url = "-Dspring.datasource.url=" + sameFileAsServe();
        Path orders = dir.resolve("orders.csv");
        Files.writeString(orders, """
                out_trade_no,trade_no,open_id,amount,currency,status,created_at
                ORD-1,T-1,open-1,1999,USD,PENDING,2026-10-30T09:00:00+03:00
                """);
        CliRun imported = CliRun.run("import-orders", orders.toString(), url);
        System.setIn(new ByteArrayInputStream("long enough password\n".getBytes(StandardCharsets.UTF_8)));
        CliRun added = CliRun.run("user", "add", "ada", "--role=admin", "--password-stdin", url);
        CliRun runs = CliRun.run("runs", url);

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("imported 1 orders (1 new, 0 updated)\n");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(serve.isAlive()).as("serve keeps running beside them").isTrue();
        Matcher node = Pattern.compile("serving as node (\\S+);").matcher(Files.readString(log));
        assertThat(node.find()).as(Files.readString(log)).isTrue();
        // A command's own scheduler may have checked in briefly too; serve's row is what proves one shared file.
        assertThat(schedulerNodesSeenThrough(sameFileAsServe())).as("serve's cluster check-in, read from this JVM")
                .contains(node.group(1));
    }

    /** The default URL of application.yaml, with its relative {@code ./data} resolved where serve runs. */
    private String sameFileAsServe() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties defaults = yaml.getObject();
        String url = defaults.getProperty("spring.datasource.url");
        assertThat(url).contains(";AUTO_SERVER=TRUE");
        return url.replace("./data/", dir.resolve("data").toAbsolutePath() + "/");
    }

    private static List<String> schedulerNodesSeenThrough(String url) throws java.sql.SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE")) {
            List<String> nodes = new ArrayList<>();
            while (rows.next()) {
                nodes.add(rows.getString(1));
            }
            return nodes;
        }
    }
}
