package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.report.ReportFile;
import dev.superapp.batch.report.ReportManifest;
import dev.superapp.batch.report.ReportManifest.FileEntry;
import dev.superapp.batch.report.ReportManifests;
import dev.superapp.batch.report.ReportProperties;
import dev.superapp.batch.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code verify-report} as finance runs it on a report folder: 0 all match, 1 naming what does not, 2 bad input. */
class VerifyReportCommandTest {

    private static final String KEY = "verify-test-signing-key";

    @TempDir Path dir;

    private Path report;
    private Path open;

    @BeforeEach
    void writeAReportWithItsSignedManifest() {
        report = write("reconciliation-2026-11-25-7.csv", "o-1");
        open = write("reconciliation-2026-11-25-7-open.csv", "o-2");
        new ReportManifests(JsonMapper.builder().build(), new ReportProperties(dir, KEY)).write(dir,
                "reconciliation-2026-11-25-7.manifest.json", new ReportManifest("reconciliationJob", "2026-11-25", 7,
                        "2026-11-25T02:30:00Z", List.of(FileEntry.of(report, 1), FileEntry.of(open, 1)),
                        Map.of("currencies", List.of())));
    }

    @Test
    void exits0WhenEveryFileAndTheHmacMatch() {
        CliRun run = verify(report, "-Dreports.signing-key=" + KEY);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("HMAC matches reports.signing-key", "OK every file matches");
        assertThat(run.out() + run.err()).doesNotContain(KEY);
    }

    @Test
    void exits1NamingTheFileThatWasChanged() throws Exception {
        Files.writeString(open, "o-3\n", StandardOpenOption.APPEND);

        CliRun run = verify(report, "-Dreports.signing-key=" + KEY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).contains("DOES NOT MATCH reconciliation-2026-11-25-7-open.csv: "
                + "SHA-256 differs from the manifest (the file was changed)");
    }

    @Test
    void exits1WhenTheManifestIsCheckedWithAnotherKey() {
        CliRun run = verify(report, "-Dreports.signing-key=another-key-entirely");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("DOES NOT MATCH reconciliation-2026-11-25-7.manifest.json: HMAC does not match");
    }

    @Test
    void exits2ForAMissingReportOrAReportWithoutManifest() throws Exception {
        CliRun missing = verify(dir.resolve("nope.csv"));
        Files.delete(dir.resolve("reconciliation-2026-11-25-7.manifest.json"));
        CliRun unsigned = verify(report);

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("verify-report: ").contains("nope.csv is not a report file");
        assertThat(unsigned.exitCode()).isEqualTo(2);
        assertThat(unsigned.err().strip()).contains("no manifest").contains("reconciliation-2026-11-25-7.manifest.json")
                .doesNotContain("Exception");
    }

    private CliRun verify(Path file, String... properties) {
        String[] args = new String[properties.length + 3];
        args[0] = "verify-report";
        args[1] = file.toString();
        args[2] = "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl();
        System.arraycopy(properties, 0, args, 3, properties.length);
        return CliRun.run(args);
    }

    private Path write(String name, String row) {
        try (ReportFile file = ReportFile.create(dir, name, "out_trade_no")) {
            file.row(row);
            return file.complete();
        }
    }
}
