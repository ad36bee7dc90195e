package dev.superapp.batch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTableTest {

    private static final List<ReportColumn> COLUMNS = List.of(ReportColumn.text("order"),
            ReportColumn.money("amount", "currency"), ReportColumn.text("currency"), ReportColumn.integer("days"),
            ReportColumn.dateTime("created_at"));

    @TempDir Path dir;

    @Test
    void writesTheSameRowsAsCsvInMinorUnitsAndAsTypedSpreadsheetCells() throws Exception {
        ReportTable.Written written;
        try (ReportTable table = ReportTable.create(dir, "orders", COLUMNS)) {
            table.row("=cmd", 130100L, "SAR", 3L, Instant.parse("2026-11-20T08:30:00Z"));
            table.row("yen", 1500L, "JPY", 0L, null);
            table.row("dinar", 1234L, "KWD", 1L, null);
            written = table.complete();
        }

        assertThat(written.rows()).isEqualTo(3);
        assertThat(Files.readAllLines(written.csv())).containsExactly("order,amount,currency,days,created_at",
                "'=cmd,130100,SAR,3,2026-11-20T08:30:00Z", "yen,1500,JPY,0,", "dinar,1234,KWD,1,");
        try (InputStream in = Files.newInputStream(written.xlsx()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=cmd");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1301.00);
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1500);
            assertThat(sheet.getRow(2).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(1.234);
            assertThat(sheet.getRow(3).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.000");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(3);
            // Text and integers keep the workbook's default style, as they did before cells were given it explicitly.
            assertThat(sheet.getRow(1).getCell(0).getCTCell().isSetS()).isFalse();
            assertThat(sheet.getRow(1).getCell(3).getCTCell().isSetS()).isFalse();
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(4))).isTrue();
            assertThat(sheet.getRow(1).getCell(4).getLocalDateTimeCellValue()).hasToString("2026-11-20T08:30");
            assertThat(sheet.getRow(2).getCell(4)).isNull();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E4");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("orders.csv",
                    "orders.xlsx");
        }
    }

    @Test
    void aFolderThatCannotBeWrittenFailsNamingTheReportAndLeavesNothingBehind() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("reports"), "a file where the folder should be");

        assertThatThrownBy(() -> ReportTable.create(notAFolder, "orders", COLUMNS))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write report " + notAFolder.resolve("orders.csv"));
    }

    @Test
    void currencyDecimalsFollowIso4217AndUnknownCodesKeepTwo() {
        assertThat(MinorUnits.decimals("JPY")).isZero();
        assertThat(MinorUnits.decimals("USD")).isEqualTo(2);
        assertThat(MinorUnits.decimals("KWD")).isEqualTo(3);
        assertThat(MinorUnits.decimals("XYZ")).isEqualTo(2);
        assertThat(MinorUnits.decimals(null)).isEqualTo(2);
        assertThat(MinorUnits.toMajor(130100, "SAR")).hasToString("1301.00");
    }
}
