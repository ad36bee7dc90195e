package dev.superapp.batch.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a run's {@code ....manifest.json} says about the files beside it: each file's SHA-256 and data rows,
 * and the run's control totals, so that finance can prove later that none was altered
 * ({@link ReportManifests} signs and checks it).
 *
 * @param files         by file name, in the manifest's own directory
 * @param controlTotals written as JSON as it is; for reading, not checked against the files
 */
public record ReportManifest(String job, String businessDate, long executionId, String createdAt,
                             List<FileEntry> files, Object controlTotals) {

    /** One file: its name in the manifest's directory, the lowercase hex SHA-256 of its bytes, its data rows. */
    public record FileEntry(String name, String sha256, long rows) {

        public static FileEntry of(Path file, long rows) {
            return new FileEntry(file.getFileName().toString(), ReportManifest.sha256(file), rows);
        }
    }

    /** The file's SHA-256, read in a stream. */
    static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
