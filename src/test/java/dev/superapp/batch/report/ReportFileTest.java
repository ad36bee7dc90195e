package dev.superapp.batch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportFileTest {

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1:A9)", "+1", "-42", "@cmd", "\tpadded", "\rreturn"})
    void prefixesCellsThatSpreadsheetsWouldRunWithAQuote(String dangerous) throws Exception {
        Path written = writeOneRow(dangerous);

        assertThat(readAll(written).get(1)).containsExactly("'" + dangerous);
    }

    @Test
    void leavesOrdinaryCellsAsTheyAreAndWritesNullAsEmpty() throws Exception {
        try (ReportFile report = ReportFile.create(dir, "plain.csv", "text", "amount", "missing", "inner")) {
            report.row("order, \"quoted\"", 1250L, null, "a=b-c");
            Path written = report.complete();

            assertThat(readAll(written)).containsExactly(
                    new String[] {"text", "amount", "missing", "inner"},
                    new String[] {"order, \"quoted\"", "1250", "", "a=b-c"});
        }
    }

    @Test
    void writesUtf8() throws Exception {
        Path written = writeOneRow("مرحبا café");

        assertThat(Files.readString(written, StandardCharsets.UTF_8)).contains("مرحبا café");
    }

    @Test
    void showsTheFinalNameOnlyWhenCompleteAndLeavesNoPartialFile() throws Exception {
        Path target = dir.resolve("report.csv");
        try (ReportFile report = ReportFile.create(dir, "report.csv", "a")) {
            report.row("1");
            assertThat(target).doesNotExist();
            assertThat(dir.resolve("report.csv.part")).exists();

            assertThat(report.complete()).isEqualTo(target);
        }
        assertThat(target).exists();
        assertThat(filesIn(dir)).containsExactly("report.csv");
    }

    @Test
    void deletesThePartialFileWhenAbandoned() throws Exception {
        try (ReportFile report = ReportFile.create(dir, "abandoned.csv", "a")) {
            report.row("1");
        }
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void createsTheReportDirectoryWhenMissing() throws Exception {
        Path nested = dir.resolve("reports/2026");
        try (ReportFile report = ReportFile.create(nested, "r.csv", "a")) {
            assertThat(report.complete()).exists();
        }
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        try (ReportFile report = ReportFile.create(dir, "w.csv", "a", "b")) {
            assertThatThrownBy(() -> report.row("only one"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has 2 columns, row has 1");
        }
    }

    @Test
    void publishesReportsThatBelongTogetherOnlyOnceEveryOneIsWhole() throws Exception {
        try (ReportFile report = ReportFile.create(dir, "r.csv", "a");
             ReportFile summary = ReportFile.create(dir, "r-summary.csv", "b")) {
            report.row("1");
            summary.row("2");

            assertThat(ReportFile.completeTogether(report, summary))
                    .containsExactly(dir.resolve("r.csv"), dir.resolve("r-summary.csv"));
        }
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("r.csv", "r-summary.csv");
        assertThat(readAll(dir.resolve("r-summary.csv"))).containsExactly(new String[] {"b"}, new String[] {"2"});
    }

    @Test
    void aSecondReportThatCannotBeWrittenPublishesNeitherAndLeavesTheEarlierPairAsItWas() throws Exception {
        writePair("old");
        // A full disk: every write to the summary's partial file fails with "No space left on device".
        Files.createSymbolicLink(dir.resolve("r-summary.csv.part"), Path.of("/dev/full"));

        try (ReportFile report = ReportFile.create(dir, "r.csv", "a");
             ReportFile summary = ReportFile.create(dir, "r-summary.csv", "b")) {
            report.row("new");
            summary.row("new");

            assertThatThrownBy(() -> ReportFile.completeTogether(report, summary))
                    .hasMessage("cannot write report " + dir.resolve("r-summary.csv") + ": No space left on device");
        }
        assertThat(readAll(dir.resolve("r.csv")).get(1)).containsExactly("old");
        assertThat(readAll(dir.resolve("r-summary.csv")).get(1)).containsExactly("old");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("r.csv", "r-summary.csv");
    }

    @Test
    void aRenameThatFailsPartWayPutsBackTheFilesAlreadyReplaced() throws Exception {
        writePair("old");
        // The summary's final name taken by a folder with a file in it: its partial file cannot be renamed there.
        Path summaryName = dir.resolve("r-summary.csv");
        Files.delete(summaryName);
        Files.writeString(Files.createDirectory(summaryName).resolve("occupied"), "x");

        try (ReportFile report = ReportFile.create(dir, "r.csv", "a");
             ReportFile summary = ReportFile.create(dir, "r-summary.csv", "b")) {
            report.row("new");
            summary.row("new");

            assertThatThrownBy(() -> ReportFile.completeTogether(report, summary))
                    .hasMessageStartingWith("cannot write report " + summaryName + ": ");
        }
        assertThat(readAll(dir.resolve("r.csv")).get(1)).containsExactly("old");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("r.csv", "r-summary.csv");
    }

    @Test
    void aFailureOfAFirstPublicationLeavesNoneOfItsFiles() throws Exception {
        Files.createSymbolicLink(dir.resolve("r-summary.csv.part"), Path.of("/dev/full"));

        try (ReportFile report = ReportFile.create(dir, "r.csv", "a");
             ReportFile summary = ReportFile.create(dir, "r-summary.csv", "b")) {
            report.row("1");
            summary.row("2");

            assertThatThrownBy(() -> ReportFile.completeTogether(report, summary))
                    .hasMessageContaining("No space left on device");
        }
        assertThat(filesIn(dir)).isEmpty();
    }

    private void writePair(String cell) {
        try (ReportFile report = ReportFile.create(dir, "r.csv", "a");
             ReportFile summary = ReportFile.create(dir, "r-summary.csv", "b")) {
            report.row(cell);
            summary.row(cell);
            ReportFile.completeTogether(report, summary);
        }
    }

    private Path writeOneRow(String cell) {
        try (ReportFile report = ReportFile.create(dir, "one.csv", "cell")) {
            report.row(cell);
            return report.complete();
        }
    }

    private static List<String[]> readAll(Path file) throws Exception {
        // Carriage returns kept so that a cell starting with CR reads back as written.
        try (CSVReader reader = new CSVReaderBuilder(Files.newBufferedReader(file, StandardCharsets.UTF_8))
                .withKeepCarriageReturn(true).build()) {
            return reader.readAll();
        }
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
