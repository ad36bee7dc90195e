package dev.superapp.batch.report;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report written twice from the same rows: {@code <base>.csv} through {@link ReportFile} (text, amounts in
 * integer minor units, other programs read it) and {@code <base>.xlsx} through {@link XlsxReport} (typed cells,
 * for people). Both appear under their final names only when both are whole. Not thread-safe.
 */
public final class ReportTable implements AutoCloseable {

    /** The two files of one table, and how many data rows each has. */
    public record Written(Path csv, Path xlsx, long rows) {
    }

    private final List<ReportColumn> columns;
    private final ReportFile csv;
    private final XlsxReport xlsx;

    private ReportTable(List<ReportColumn> columns, ReportFile csv, XlsxReport xlsx) {
        this.columns = columns;
        this.csv = csv;
        this.xlsx = xlsx;
    }

    public static ReportTable create(Path dir, String baseName, List<ReportColumn> columns) {
        ReportFile csv = ReportFile.create(dir, baseName + ".csv", columns.stream().map(ReportColumn::name)
                .toArray(String[]::new));
        try {
            return new ReportTable(columns, csv, XlsxReport.create(dir, baseName + ".xlsx", columns));
        } catch (RuntimeException e) {
            csv.close();
            throw e;
        }
    }

    /** One row in column order; see {@link XlsxReport} for the cell types each column takes. */
    public void row(Object... cells) {
        Map<String, String> currencies = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            currencies.put(columns.get(i).name(), cells[i] == null ? null : cells[i].toString());
        }
        csv.row(cells);
        xlsx.row(cells, currencies);
    }

    /** Publishes both files, or neither (see {@link PartialFiles}). */
    public Written complete() {
        List<Path> published = PartialFiles.publishTogether(List.of(csv.written(), xlsx.written()));
        return new Written(published.get(0), published.get(1), xlsx.rows());
    }

    @Override
    public void close() {
        try {
            xlsx.close();
        } finally {
            csv.close();
        }
    }
}
