package dev.superapp.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import java.io.FileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A campaign's delivery report as the tests read it: one {@link Row} per line of the audience. */
final class DeliveryReportRows {

    record Row(long line, String recipient, String outcome, String requestId) {
    }

    private DeliveryReportRows() {
    }

    /**
     * The report's rows by recipient (invalid and duplicate lines left out), once the report is shown to have
     * exactly one row per non-blank line of the audience.
     */
    static Map<String, Row> byRecipient(Path report, Audience audience) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CSVReader csv = new CSVReader(new FileReader(report.toFile(), StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(csv.readNext());
            for (String[] cells = csv.readNext(); cells != null; cells = csv.readNext()) {
                rows.add(new Row(Long.parseLong(cells[header.indexOf("line")]), cells[header.indexOf("recipient")],
                        cells[header.indexOf("outcome")], cells[header.indexOf("request_id")]));
            }
        }
        assertThat(rows).as("one row per non-blank audience line").hasSize(audience.nonBlankLines());
        assertThat(rows).extracting(Row::line).doesNotHaveDuplicates();
        return rows.stream().filter(row -> !row.outcome().equals("DUPLICATE") && !row.outcome().equals("INVALID"))
                .collect(Collectors.toMap(Row::recipient, Function.identity()));
    }
}
