package dev.superapp.batch.report;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The one way reports are written: a UTF-8 CSV file with a header row, safe to open in a
 * spreadsheet, that appears under its final name only once it is whole.
 *
 * <p>Rows go to {@code <name>.part} in the same directory; {@link #complete()} renames that file
 * atomically to {@code <name>}, so a reader (finance, the acceptance tests) never sees half a
 * report. Closing without completing deletes the partial file. Every cell that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, tab or carriage return) is written with
 * a leading {@code '} — negative amounts included, since they are written as text too.
 *
 * <pre>{@code
 * try (ReportFile report = ReportFile.create(properties.dir(), "name.csv", "a", "b")) {
 *     report.row("1", 2);
 *     Path written = report.complete();
 * }
 * }</pre>
 *
 * Not thread-safe: one writer per report.
 */
public final class ReportFile implements AutoCloseable {

    private final PartialFile file;
    private final int columns;
    private final CSVWriter csv;
    private boolean completed;

    private ReportFile(PartialFile file, int columns) {
        this.file = file;
        this.columns = columns;
        this.csv = new CSVWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts a report {@code dir/name}, creating {@code dir} if missing, and writes the header row.
     * A partial file left behind by an earlier crash under the same name is overwritten.
     */
    public static ReportFile create(Path dir, String name, String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a report needs a header row");
        }
        ReportFile report = new ReportFile(PartialFile.create(dir, name), header.length);
        report.row((Object[]) header);
        return report;
    }

    /** Adds one row; {@code null} cells are written empty, others by {@code toString()}. */
    public void row(Object... cells) {
        if (completed) {
            throw new IllegalStateException("report " + file.target() + " is already complete");
        }
        if (cells.length != columns) {
            throw new IllegalArgumentException("report " + file.target() + " has " + columns + " columns, row has "
                    + cells.length);
        }
        csv.writeNext(Arrays.stream(cells).map(ReportFile::safeCell).toArray(String[]::new), false);
    }

    /** Publishes the report under its final name and returns that path. */
    public Path complete() {
        return written().publish();
    }

    /**
     * Publishes reports that belong together (a report and its summary) all at once, or none of them: nothing is
     * renamed until every one was written whole, and earlier reports under the same names stay as they were when
     * any fails. Returns their paths in the order given. See {@link PartialFiles}.
     */
    public static List<Path> completeTogether(ReportFile... reports) {
        return PartialFiles.publishTogether(Arrays.stream(reports).map(ReportFile::written).toList());
    }

    /** Every row written, errors checked; the partial file is not yet published. */
    PartialFile written() {
        try {
            // CSVWriter keeps write errors to itself; checkError() flushes and reports them.
            if (csv.checkError()) {
                throw csv.getException();
            }
        } catch (IOException e) {
            throw PartialFile.failure(file.target(), e);
        }
        completed = true;
        return file;
    }

    /** Abandons the report unless {@link #complete()} was called: the partial file is deleted. */
    @Override
    public void close() {
        file.close();
    }

    /** Neutralises spreadsheet formulas (CSV injection) by making the cell plain text. */
    static String safeCell(Object cell) {
        String text = cell == null ? "" : cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
