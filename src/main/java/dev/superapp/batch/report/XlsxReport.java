package dev.superapp.batch.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The spreadsheet copy of a report: one sheet, a bold frozen header row with filters on, amounts as numbers in
 * the currency's major unit, times as dates. Streamed with POI's SXSSF, which keeps only a window of rows in
 * memory (the rest goes to a temporary file), so a report of a million orders needs no more heap than one of
 * ten. Published through a {@link PartialFile}. Not thread-safe.
 */
public final class XlsxReport implements AutoCloseable {

    /** Rows kept in memory before SXSSF flushes them to its temporary file. */
    private static final int ROW_WINDOW = 200;

    private final PartialFile file;
    private final List<ReportColumn> columns;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
    private final SXSSFSheet sheet = workbook.createSheet("report");
    private final Map<Integer, CellStyle> moneyStyles = new HashMap<>();
    private final CellStyle dateStyle;
    /**
     * The workbook's default style, given to every plain cell: a cell without one makes SXSSF look up its
     * column's style through the sheet's column definitions (set by the widths) on every write, which was
     * a third of a large report's time. The file is the same: style 0 is never written out.
     */
    private final CellStyle plainStyle = workbook.getCellStyleAt(0);
    private int rows;

    private XlsxReport(PartialFile file, List<ReportColumn> columns) {
        this.file = file;
        this.columns = columns;
        this.dateStyle = style("yyyy-mm-dd hh:mm:ss");
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            SXSSFCell cell = (SXSSFCell) row.createCell(i);
            cell.setCellValue(columns.get(i).name());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, 18 * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    public static XlsxReport create(Path dir, String name, List<ReportColumn> columns) {
        return new XlsxReport(PartialFile.create(dir, name), columns);
    }

    /**
     * Adds one row of cells in column order: text as given, integers and money as {@link Number} (minor units),
     * times as {@link Instant}; {@code null} leaves the cell empty.
     *
     * @param currencies the currency of each money column, by the column's {@code currencyColumn}
     */
    void row(Object[] cells, Map<String, String> currencies) {
        rows++;
        Row row = sheet.createRow(rows);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                continue;
            }
            ReportColumn column = columns.get(i);
            SXSSFCell cell = (SXSSFCell) row.createCell(i);
            switch (column.type()) {
                case TEXT -> {
                    cell.setCellValue(cells[i].toString());
                    cell.setCellStyle(plainStyle);
                }
                case INTEGER -> {
                    cell.setCellValue(((Number) cells[i]).doubleValue());
                    cell.setCellStyle(plainStyle);
                }
                case MONEY -> money(cell, ((Number) cells[i]).longValue(), currencies.get(column.currencyColumn()));
                case DATE_TIME -> {
                    cell.setCellValue(LocalDateTime.ofInstant((Instant) cells[i], ZoneOffset.UTC));
                    cell.setCellStyle(dateStyle);
                }
            }
        }
    }

    /** Data rows so far, the header not counted. */
    int rows() {
        return rows;
    }

    public Path complete() {
        return written().publish();
    }

    /** Writes the workbook to its partial file, not yet published; see {@link ReportTable#complete()}. */
    PartialFile written() {
        sheet.setAutoFilter(new CellRangeAddress(0, rows, 0, columns.size() - 1));
        try {
            workbook.write(file.stream());
            workbook.close();
        } catch (IOException e) {
            throw PartialFile.failure(file.target(), e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            // Also removes SXSSF's temporary file.
            workbook.close();
        } catch (IOException ignored) {
            // Nothing is kept from an abandoned workbook.
        }
        file.close();
    }

    private void money(SXSSFCell cell, long minor, String currency) {
        BigDecimal major = MinorUnits.toMajor(minor, currency);
        cell.setCellValue(major.doubleValue());
        cell.setCellStyle(moneyStyles.computeIfAbsent(major.scale(),
                decimals -> style(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals))));
    }

    private CellStyle style(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
