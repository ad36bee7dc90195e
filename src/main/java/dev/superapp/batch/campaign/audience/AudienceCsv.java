package dev.superapp.batch.campaign.audience;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.enums.CSVReaderNullFieldIndicator;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An audience CSV read one record at a time, never whole (files reach 10,000,000 lines). UTF-8 with or
 * without a BOM (undecodable bytes become U+FFFD and so make an invalid id), or UTF-16 with its BOM (see
 * {@link AudienceEncoding}); CRLF or LF, RFC 4180 quoting where a quoted field may span lines. Fields are
 * separated by commas, or by semicolons or tabs when the header names the id column only when split by those
 * (spreadsheets save them so in many locales). The first line is the header and must name the id column (any
 * case, surrounding spaces ignored); other columns are ignored. Blank lines, those with nothing but spaces, are
 * skipped; an empty quoted id ({@code ""}) is a record, with an empty id. Records carry their physical line
 * number (header = line 1) so people find them in an editor.
 */
public final class AudienceCsv implements Closeable {

    /** A quoted field longer than this is a missing closing quote, which would otherwise swallow the file. */
    static final int MULTILINE_LIMIT = 20;
    private static final char[] SEPARATORS = {',', ';', '\t'};
    /** The header line is read ahead to choose the separator; one longer than this is read with commas. */
    private static final int HEADER_LOOKAHEAD = 1 << 16;

    private final Path file;
    private final CSVReader csv;
    private final int idColumn;

    /** Opens the file and checks its header: {@link AudienceFileException} when it lacks {@code column}. */
    public AudienceCsv(Path file, String column) throws IOException {
        this.file = file;
        BufferedReader reader = open(file);
        reader.mark(HEADER_LOOKAHEAD);
        String headerLine = reader.readLine();
        reader.reset();
        // Unquoted empty fields read as null, so a blank line is told apart from a quoted empty id.
        this.csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder()
                        .withSeparator(separator(headerLine, column))
                        .withFieldAsNull(CSVReaderNullFieldIndicator.EMPTY_SEPARATORS).build())
                .withMultilineLimit(MULTILINE_LIMIT).build();
        try {
            this.idColumn = idColumn(readRecord(1), column);
        } catch (RuntimeException | IOException e) {
            csv.close();
            throw e;
        }
    }

    /** The next non-blank record, null at the end of the file. */
    AudienceLine next() throws IOException {
        while (true) {
            long lineNo = csv.getLinesRead() + 1;
            String[] record = readRecord(lineNo);
            if (record == null) {
                return null;
            }
            if (record.length > 1 || (record[0] != null && (record[0].isEmpty() || !record[0].isBlank()))) {
                String value = idColumn < record.length ? record[idColumn] : null;
                return new AudienceLine(lineNo, value == null ? "" : value);
            }
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private int idColumn(String[] header, String column) {
        if (header == null) {
            throw new AudienceFileException(file + ": is empty; expected a header row with column " + column);
        }
        int[] matches = IntStream.range(0, header.length)
                .filter(i -> header[i] != null && header[i].strip().equalsIgnoreCase(column)).toArray();
        if (matches.length != 1) {
            String found = Arrays.stream(header).limit(10).map(name -> name == null ? "" : name.strip())
                    .collect(Collectors.joining(", "));
            String hint = found.contains("|") ? "; fields separated by '|' are not read: separate them with commas, "
                    + "semicolons or tabs" : "";
            throw new AudienceFileException(file + ": line 1: the header " + (matches.length == 0
                    ? "has no column " + column + " (found: " + found + ")" + hint : "has column " + column + " twice"));
        }
        return matches[0];
    }

    /** Decoded as its byte order mark says, the mark itself skipped. */
    private static BufferedReader open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file));
        try {
            in.mark(AudienceEncoding.SNIFFED_BYTES);
            AudienceEncoding encoding = AudienceEncoding.of(in.readNBytes(AudienceEncoding.SNIFFED_BYTES));
            in.reset();
            in.skipNBytes(encoding.bomLength());
            return new BufferedReader(new InputStreamReader(in, encoding.charset()), HEADER_LOOKAHEAD + 1);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The first of comma, semicolon and tab that splits the header into a field naming the id column. */
    private static char separator(String headerLine, String column) {
        if (headerLine == null) {
            return SEPARATORS[0];
        }
        for (char separator : SEPARATORS) {
            for (String field : headerLine.split(Pattern.quote(String.valueOf(separator)), -1)) {
                if (field.strip().replace("\"", "").equalsIgnoreCase(column)) {
                    return separator;
                }
            }
        }
        return SEPARATORS[0];
    }

    private String[] readRecord(long lineNo) throws IOException {
        try {
            return csv.readNext();
        } catch (CsvMultilineLimitBrokenException e) {
            throw failure(lineNo, "a quoted field runs over more than " + MULTILINE_LIMIT
                    + " lines; is its closing quote missing?", e);
        } catch (CsvMalformedLineException e) {
            throw failure(lineNo, "a quoted field is not closed before the end of the file", e);
        } catch (CsvValidationException e) {
            throw failure(lineNo, e.getMessage(), e);
        }
    }

    private AudienceFileException failure(long lineNo, String reason, Exception cause) {
        return new AudienceFileException(file + ": line " + lineNo + ": " + reason, cause);
    }
}
