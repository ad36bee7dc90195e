package dev.superapp.batch.testing;

import dev.superapp.batch.SuperappBatchApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One command of the application ({@code push}, {@code reconcile}, {@code restart}...) in a child JVM with
 * the test class path, as a person runs it, so that a test can kill it with SIGKILL while the sandbox and the
 * database, which live outside it, remember what it did.
 */
public final class ChildCommand implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildCommand(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param properties passed as the command's {@code -Dname=value} options
     * @param log        receives the child's standard output and error (kept so a failed run can be read)
     */
    public static ChildCommand start(List<String> arguments, Map<String, String> properties, Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), SuperappBatchApplication.class.getName()));
        command.addAll(arguments);
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            return new ChildCommand(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + e.getMessage(), e);
        }
    }

    /** Completes when the command ends, however it ends. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no listener, no last commit; as when the machine loses power. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * The exit code once the command ends within {@code patience}.
     *
     * @throws AssertionError if it is still running then (it is killed first), with its output
     */
    public int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the command did not end within " + patience + ":\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path the command printed on its {@code report: <path>} line. */
    public Path reportPath() {
        return output().lines().filter(line -> line.startsWith("report: ")).findFirst()
                .map(line -> Path.of(line.substring("report: ".length()).strip()))
                .orElseThrow(() -> new AssertionError("no report line in:\n" + output()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
