package dev.superapp.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.SuperappBatchApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One {@code serve} process in a child JVM, as operations run it, with its own node id and ports. */
final class ServeNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration STARTUP = Duration.ofSeconds(120);

    /** Below Linux's ephemeral range, so no outgoing connection of this machine is handed one of them meanwhile. */
    private static final int FIRST_PORT = 20_000;
    private static final int PORTS = 12_000;
    private static final int LAUNCHES = 4;

    private final String id;
    private final List<String> properties;
    private final Path log;
    private Process process;
    private int managementPort;
    private int launches;

    private ServeNode(String id, List<String> properties, Path log) {
        this.id = id;
        this.properties = List.copyOf(properties);
        this.log = log;
    }

    /** Starts {@code serve} with {@code properties} as {@code -D} arguments; {@link #awaitServing} waits for it. */
    static ServeNode launch(String id, List<String> properties) throws Exception {
        // Kept under target/ so a failed run can be read afterwards.
        ServeNode node = new ServeNode(id, properties, Files.createDirectories(Path.of("target", "serve-nodes")).resolve(id + ".log"));
        node.start();
        return node;
    }

    private void start() throws IOException {
        managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SuperappBatchApplication.class.getName(), "serve",
                "-Dspring.quartz.properties.org.quartz.scheduler.instanceId=" + id,
                "-Dserver.port=" + freePort(), "-Dmanagement.server.port=" + managementPort,
                "-Dlogging.level.dev.superapp=INFO"));
        properties.forEach(property -> command.add("-D" + property));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        launches++;
    }

    ServeNode awaitServing() throws Exception {
        // A JVM that starts Spring, Flyway, Quartz and two web servers takes a while on a busy machine.
        ServeSchedulingContract.awaitUntil(id + " serves", STARTUP, () -> {
            if (!process.isAlive() && lostItsPort() && launches < LAUNCHES) {
                start();
                return false;
            }
            assertThat(process.isAlive()).as(id + " died:\n" + log()).isTrue();
            return log().contains("serving as node " + id);
        });
        return this;
    }

    /**
     * A port found free can be taken by another process before the child binds it; that is a fault of the
     * test's port choice, not of {@code serve}, so the node is started again on other ports.
     */
    private boolean lostItsPort() {
        return log().contains("Address already in use");
    }

    String id() {
        return id;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the node dies mid-work, as when its machine is lost. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then the time it takes to stop its jobs at a chunk boundary and exit. */
    boolean terminate(Duration patience) throws InterruptedException {
        process.destroy();
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    HttpResponse<String> management(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = FIRST_PORT + ThreadLocalRandom.current().nextInt(PORTS);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Another port of the range, then.
            }
        }
        throw new IOException("no free port between " + FIRST_PORT + " and " + (FIRST_PORT + PORTS));
    }
}
