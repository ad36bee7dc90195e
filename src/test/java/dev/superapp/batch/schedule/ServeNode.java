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
import java.util.concurrent.TimeUnit;

/** One {@code serve} process in a child JVM, as operations run it, with its own node id and ports. */
final class ServeNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final String id;
    private final Process process;
    private final Path log;
    private final int managementPort;

    private ServeNode(String id, Process process, Path log, int managementPort) {
        this.id = id;
        this.process = process;
        this.log = log;
        this.managementPort = managementPort;
    }

    /** Starts {@code serve} with {@code properties} as {@code -D} arguments; {@link #awaitServing} waits for it. */
    static ServeNode launch(String id, List<String> properties) throws Exception {
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SuperappBatchApplication.class.getName(), "serve",
                "-Dspring.quartz.properties.org.quartz.scheduler.instanceId=" + id,
                "-Dserver.port=" + freePort(), "-Dmanagement.server.port=" + managementPort,
                "-Dlogging.level.dev.superapp=INFO"));
        properties.forEach(property -> command.add("-D" + property));
        // Kept under target/ so a failed run can be read afterwards.
        Path log = Files.createDirectories(Path.of("target", "serve-nodes")).resolve(id + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServeNode(id, process, log, managementPort);
    }

    ServeNode awaitServing() throws Exception {
        // A JVM that starts Spring, Flyway, Quartz and two web servers takes a while on a busy machine.
        ServeSchedulingContract.awaitUntil(id + " serves", STARTUP, () -> {
            assertThat(process.isAlive()).as(id + " died:\n" + log()).isTrue();
            return log().contains("serving as node " + id);
        });
        return this;
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
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
