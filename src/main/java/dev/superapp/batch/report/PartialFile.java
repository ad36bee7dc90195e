package dev.superapp.batch.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A report file that appears under its final name only once it is whole: bytes go to {@code <name>.part} in
 * the same directory, and {@link #publish()} renames that file atomically to {@code <name>} (files that belong
 * together are published by {@link PartialFiles}, all or none). Closing without publishing deletes the partial
 * file. Every report format ({@link ReportFile}, {@link XlsxReport}, the
 * manifest) is written through one of these. Not thread-safe.
 */
public final class PartialFile implements AutoCloseable {

    private static final String PARTIAL_SUFFIX = ".part";

    private final Path target;
    private final Path partial;
    private final OutputStream stream;
    private boolean published;

    private PartialFile(Path target, Path partial, OutputStream stream) {
        this.target = target;
        this.partial = partial;
        this.stream = stream;
    }

    /**
     * Starts {@code dir/name}, creating {@code dir} if missing. A partial file left behind by an earlier crash
     * under the same name is overwritten.
     */
    public static PartialFile create(Path dir, String name) {
        Path target = dir.resolve(name);
        Path partial = dir.resolve(name + PARTIAL_SUFFIX);
        try {
            Files.createDirectories(dir);
            return new PartialFile(target, partial, new BufferedOutputStream(Files.newOutputStream(partial)));
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** Where the content goes; closed by {@link #publish()} or {@link #close()}, not by the caller. */
    public OutputStream stream() {
        return stream;
    }

    /** The final name, for messages. */
    public Path target() {
        return target;
    }

    /** Closes the content and publishes it under its final name. */
    public Path publish() {
        seal();
        try {
            move(partial, target);
        } catch (IOException e) {
            throw failure(target, e);
        }
        markPublished();
        return target;
    }

    /**
     * Closes the content, so that its last write errors (a full disk) surface here, before anything is
     * published. Closing again changes nothing.
     */
    void seal() {
        try {
            stream.close();
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** Where the content is until it is published. */
    Path partial() {
        return partial;
    }

    /** The content is under its final name now: {@link #close()} leaves it. */
    void markPublished() {
        published = true;
    }

    /**
     * Renames {@code from} over {@code to}, atomically where the file system can (readers see the old file or the
     * new one); where it cannot, a plain replacing rename.
     */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Abandons the file unless it was published: the partial file is deleted. */
    @Override
    public void close() {
        if (published) {
            return;
        }
        try {
            stream.close();
        } catch (IOException ignored) {
            // The file is being thrown away; a failure to flush it changes nothing.
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove partial report " + partial + ": " + e.getMessage(), e);
        }
    }

    static UncheckedIOException failure(Path target, IOException e) {
        return new UncheckedIOException("cannot write report " + target + ": " + e.getMessage(), e);
    }
}
