package dev.superapp.batch.console.reports;

import dev.superapp.batch.report.ReportProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Streams a report file whose path a job recorded in its execution context. The request never names the
 * file; even so, the recorded path is only trusted once its real location (symbolic links resolved) is a
 * regular file inside {@code reports.dir}: a tampered context, a link out of the folder or a report moved
 * away answer 404, never another file of the machine.
 */
@Component
class ReportDownloads {

    private static final Map<String, MediaType> TYPES = Map.of(
            ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
            ".xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ".json", MediaType.APPLICATION_JSON);

    private final ReportProperties reports;

    ReportDownloads(ReportProperties reports) {
        this.reports = reports;
    }

    /**
     * @param recorded the path from the execution context; null when the run has not written it
     * @throws ResponseStatusException 404 when there is no such file inside the report folder
     */
    ResponseEntity<Resource> download(Path recorded) {
        Path file = checked(recorded);
        ContentDisposition attachment = ContentDisposition.attachment().filename(safeName(file)).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(TYPES.get(extension(file)))
                .body(new FileSystemResource(file));
    }

    private Path checked(Path recorded) {
        if (recorded == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "this run has no report file yet");
        }
        try {
            Path folder = reports.dir().toRealPath();
            Path file = recorded.toRealPath();
            if (!file.startsWith(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "the recorded report is not in the report folder");
            }
            return file;
        } catch (NoSuchFileException gone) {
            // The folder or the file was removed or never written: nothing to send, and nothing the user can fix here.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "the report file no longer exists", gone);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report " + recorded + ": " + e.getMessage(), e);
        }
    }

    /** The file's own name, kept to characters every browser and file system accepts. */
    private static String safeName(Path file) {
        return file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Reports are CSV, XLSX or JSON; any other recorded file is sent as CSV, as before there were others. */
    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return TYPES.keySet().stream().filter(name::endsWith).findFirst().orElse(".csv");
    }
}
