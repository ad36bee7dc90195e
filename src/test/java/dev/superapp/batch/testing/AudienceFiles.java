package dev.superapp.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes campaign files for tests: an audience with valid, invalid and duplicate rows, and its YAML. */
public final class AudienceFiles {

    private AudienceFiles() {
    }

    /**
     * An audience of {@code valid} recipients {@code prefix0001...}, plus 3 invalid rows, 2 duplicates
     * and a blank line, with a BOM and CRLF line ends.
     */
    public static Audience write(Path dir, String column, String prefix, int valid) {
        List<String> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        lines.add("\uFEFF" + column + ",segment");
        for (int i = 1; i <= valid; i++) {
            String id = prefix + "%04d".formatted(i);
            ids.add(id);
            lines.add(id + ",\"gold, annual\"");
            if (i == 10) {
                lines.add(prefix + "0003,again");
                lines.add("has space,bad");
                lines.add("");
            }
            if (i == 20) {
                lines.add(",empty");
                lines.add("x".repeat(129) + ",too long");
                lines.add(prefix + "0019,again");
            }
        }
        Path file = dir.resolve(prefix + "audience.csv");
        try {
            Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Audience(file, List.copyOf(ids), 3, 2, lines.size() - 2);
    }

    /** Writes {@code yaml} (which names the audience by file name) next to the audience. */
    public static Path campaign(Path dir, String name, String yaml) {
        Path file = dir.resolve(name + ".yaml");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * @param nonBlankLines the lines the delivery report has a row for (the header and the blank line excluded)
     */
    public record Audience(Path file, List<String> validIds, int invalid, int duplicates, int nonBlankLines) {
    }
}
