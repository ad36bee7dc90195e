package dev.superapp.batch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes files that only make sense together (a report and its summary) as one set: all of them, or none. Each
 * is sealed first, so a file that cannot be written completely (a full disk) fails before any name changes. Then
 * each partial file is renamed over its final name; should a rename fail part way, the names already replaced get
 * their earlier files back, or are removed where there was none. An earlier set under the same names (a report
 * written again) is kept as hard links {@code <name>.prev} until the new set is in place, so a failure at any
 * point leaves readers the old set whole.
 */
final class PartialFiles {

    private static final String PREVIOUS_SUFFIX = ".prev";

    private PartialFiles() {
    }

    /** Returns the final names, in the order given; a failure names the file and why, and publishes nothing. */
    static List<Path> publishTogether(List<PartialFile> files) {
        files.forEach(PartialFile::seal);
        List<Path> previous = new ArrayList<>();
        List<PartialFile> moved = new ArrayList<>();
        try {
            for (PartialFile file : files) {
                keepPrevious(file, previous);
            }
            for (PartialFile file : files) {
                move(file);
                moved.add(file);
            }
        } catch (UncheckedIOException failure) {
            restore(moved, failure);
            throw failure;
        } finally {
            for (Path kept : previous) {
                deleteQuietly(kept);
            }
        }
        files.forEach(PartialFile::markPublished);
        return files.stream().map(PartialFile::target).toList();
    }

    private static void keepPrevious(PartialFile file, List<Path> previous) {
        Path target = file.target();
        if (!Files.exists(target)) {
            return;
        }
        Path kept = previousOf(target);
        try {
            Files.deleteIfExists(kept);
            try {
                Files.createLink(kept, target);
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                Files.copy(target, kept, StandardCopyOption.REPLACE_EXISTING);
            }
            previous.add(kept);
        } catch (IOException e) {
            throw PartialFile.failure(target, e);
        }
    }

    private static void move(PartialFile file) {
        try {
            PartialFile.move(file.partial(), file.target());
        } catch (IOException e) {
            throw PartialFile.failure(file.target(), e);
        }
    }

    private static void restore(List<PartialFile> moved, UncheckedIOException failure) {
        for (PartialFile file : moved) {
            Path target = file.target();
            Path kept = previousOf(target);
            try {
                if (Files.exists(kept)) {
                    PartialFile.move(kept, target);
                } else {
                    Files.deleteIfExists(target);
                }
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void deleteQuietly(Path kept) {
        try {
            Files.deleteIfExists(kept);
        } catch (IOException ignored) {
            // A left-over copy of an earlier file is never read, and the next publication replaces it.
        }
    }

    private static Path previousOf(Path target) {
        return target.resolveSibling(target.getFileName() + PREVIOUS_SUFFIX);
    }
}
