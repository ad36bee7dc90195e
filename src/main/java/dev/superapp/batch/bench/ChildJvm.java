package dev.superapp.batch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one command of this application in a child JVM with its own heap limit, the way an operator runs
 * it, so that a benchmark measures the job under {@code -Xmx256m} while the sandbox (which remembers every
 * delivery) lives in the parent. The child's output goes to a log file.
 */
public final class ChildJvm {

    private static final String MAIN_CLASS = "dev.superapp.batch.SuperappBatchApplication";

    private ChildJvm() {
    }

    /**
     * @param maxHeap    for example {@code 256m}
     * @param properties passed as the command's {@code -Dname=value} options
     * @param log        receives the child's standard output and error
     * @return the child's exit code
     */
    public static int run(String maxHeap, List<String> arguments, Map<String, String> properties, Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap));
        String classPath = System.getProperty("java.class.path");
        // Started with java -jar, the class path is the Spring Boot jar, whose classes only its launcher can load.
        boolean bootJar = ChildJvm.class.getClassLoader().getClass().getName().startsWith("org.springframework.boot.loader");
        command.addAll(bootJar ? List.of("-jar", classPath) : List.of("-cp", classPath, MAIN_CLASS));
        command.addAll(arguments);
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        Process child;
        try {
            Files.createDirectories(log.getParent());
            child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + e.getMessage(), e);
        }
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the child JVM ran", e);
        }
    }
}
