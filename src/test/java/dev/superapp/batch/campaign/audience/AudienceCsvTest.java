package dev.superapp.batch.campaign.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudienceCsvTest {

    @TempDir Path dir;

    @Test
    void readsBomCrlfQuotedFieldsAndSkipsBlankLinesNumberingPhysicalLines() throws IOException {
        Path file = write("\uFEFFname,Open_ID \r\nAnn,u1\r\n\r\n   \r\n\"Bob, Jr\",\"u2\"\r\n\"two\r\nlines\",u3\r\nCy\r\n,\r\n");

        assertThat(lines(file, "open_id")).containsExactly(new AudienceLine(2, "u1"), new AudienceLine(5, "u2"),
                new AudienceLine(6, "u3"), new AudienceLine(8, ""), new AudienceLine(9, ""));
    }

    @Test
    void refusesAHeaderWithoutTheIdColumnNamingIt() throws IOException {
        Path file = write("openid,name\nu1,Ann\n");

        assertThatThrownBy(() -> new AudienceCsv(file, "open_id")).isInstanceOf(AudienceFileException.class)
                .hasMessage(file + ": line 1: the header has no column open_id (found: openid, name)");
    }

    @Test
    void refusesAnEmptyFileAndAnIdColumnNamedTwice() throws IOException {
        Path empty = write("");
        Path twice = Files.writeString(dir.resolve("twice.csv"), "unique_id,unique_id\n");

        assertThatThrownBy(() -> new AudienceCsv(empty, "open_id"))
                .hasMessage(empty + ": is empty; expected a header row with column open_id");
        assertThatThrownBy(() -> new AudienceCsv(twice, "unique_id"))
                .hasMessage(twice + ": line 1: the header has column unique_id twice");
    }

    @Test
    void stopsAtAQuoteThatIsNeverClosedNamingItsLine() throws IOException {
        StringBuilder csv = new StringBuilder("open_id\nu1\n\"u2\n");
        for (int i = 0; i < 30; i++) {
            csv.append("u").append(i).append('\n');
        }
        Path file = write(csv.toString());

        try (AudienceCsv audience = new AudienceCsv(file, "open_id")) {
            assertThat(audience.next()).isEqualTo(new AudienceLine(2, "u1"));
            assertThatThrownBy(audience::next).isInstanceOf(AudienceFileException.class)
                    .hasMessage(file + ": line 3: a quoted field runs over more than 20 lines;"
                            + " is its closing quote missing?");
        }
    }

    @Test
    void readsSemicolonAndTabDelimitedFilesAsSpreadsheetsSaveThem() throws IOException {
        Path semicolons = write("name;open_id\n\"Doe; J\";u1\nAnn;u2\n");
        Path tabs = Files.writeString(dir.resolve("tabs.txt"), "name\topen_id\nDoe, J\tu1\n");

        assertThat(lines(semicolons, "open_id")).containsExactly(new AudienceLine(2, "u1"), new AudienceLine(3, "u2"));
        assertThat(lines(tabs, "open_id")).containsExactly(new AudienceLine(2, "u1"));
    }

    @Test
    void decodesExcelUnicodeTextInUtf16WithEitherByteOrder() throws IOException {
        String text = "\uFEFFname\topen_id\r\nZoë\tu1\r\n\r\nAnn\tu2\r\n";
        Path little = Files.write(dir.resolve("le.txt"), text.getBytes(StandardCharsets.UTF_16LE));
        Path big = Files.write(dir.resolve("be.txt"), text.getBytes(StandardCharsets.UTF_16BE));

        for (Path file : List.of(little, big)) {
            assertThat(lines(file, "open_id")).as(file.toString())
                    .containsExactly(new AudienceLine(2, "u1"), new AudienceLine(4, "u2"));
        }
    }

    @Test
    void keepsAnEmptyQuotedIdAsALineButSkipsBlankOnes() throws IOException {
        Path file = write("open_id\nu1\n\"\"\n\n  \nu2\n");

        assertThat(lines(file, "open_id")).containsExactly(new AudienceLine(2, "u1"), new AudienceLine(3, ""),
                new AudienceLine(6, "u2"));
    }

    @Test
    void refusesAPipeDelimitedFileNamingTheDelimiter() throws IOException {
        Path file = write("name|open_id\nAnn|u1\n");

        assertThatThrownBy(() -> new AudienceCsv(file, "open_id")).isInstanceOf(AudienceFileException.class)
                .hasMessage(file + ": line 1: the header has no column open_id (found: name|open_id); fields separated"
                        + " by '|' are not read: separate them with commas, semicolons or tabs");
    }

    private List<AudienceLine> lines(Path file, String column) throws IOException {
        List<AudienceLine> lines = new ArrayList<>();
        try (AudienceCsv audience = new AudienceCsv(file, column)) {
            for (AudienceLine line = audience.next(); line != null; line = audience.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("audience.csv"), content, StandardCharsets.UTF_8);
    }
}
