package dev.superapp.batch.sandbox;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the trades a sandbox starts with from a UTF-8 CSV file. A header row is required; the
 * columns {@code trade_no,out_trade_no,open_id,amount,currency,statuses,close_behaviour} may come in any order and other columns (a {@code note}, say) are
 * ignored. {@code statuses} is the status script, e.g. {@code 1|1|2}, or {@code FAULT} for a trade
 * the platform always answers with HTTP 500; {@code close_behaviour} is {@code CLOSES} (the
 * default when empty), {@code PAID_WHILE_CLOSING} or {@code CLOSES_LATE}. Blank lines are skipped, a BOM is accepted.
 */
public final class SandboxTradesFile {

    static final String COLUMNS_TEXT = "trade_no,out_trade_no,open_id,amount,currency,statuses,close_behaviour";
    private static final List<String> COLUMNS = List.of(COLUMNS_TEXT.split(","));

    private SandboxTradesFile() {
    }

    /** @throws InvalidSandboxFileException if the file cannot be read or a row is wrong */
    public static List<SandboxTrade> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new InvalidSandboxFileException(file + ": cannot be read (" + e + ")", e);
        }
    }

    /**
     * Reads from an open source, for instance a classpath resource of the jar.
     *
     * @param sourceName names the source in error messages
     * @throws InvalidSandboxFileException if the source cannot be read or a row is wrong
     */
    public static List<SandboxTrade> read(Reader source, String sourceName) {
        try (CSVReader csv = new CSVReader(source)) {
            String[] header = csv.readNext();
            if (header == null) {
                throw InvalidSandboxFileException.at(sourceName, 1, "empty file; expected the header " + COLUMNS_TEXT);
            }
            Map<String, Integer> columns = columns(header, sourceName);
            List<SandboxTrade> trades = new ArrayList<>();
            Set<String> tradeNos = new HashSet<>();
            Set<String> outTradeNos = new HashSet<>();
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                if (String.join("", row).isBlank()) {
                    continue;
                }
                SandboxTradeRow parsed = new SandboxTradeRow(row, columns, sourceName, csv.getLinesRead());
                SandboxTrade trade = parsed.toTrade();
                if (!tradeNos.add(trade.tradeNo()) || !outTradeNos.add(trade.outTradeNo())) {
                    throw parsed.problem("trade_no or out_trade_no repeats an earlier row");
                }
                trades.add(trade);
            }
            return trades;
        } catch (IOException | CsvValidationException e) {
            throw new InvalidSandboxFileException(sourceName + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, Integer> columns(String[] header, String sourceName) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            // A UTF-8 BOM sticks to the first column name when the file is read as text.
            columns.put(header[i].replace("\uFEFF", "").trim().toLowerCase(), i);
        }
        List<String> missing = COLUMNS.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw InvalidSandboxFileException.at(sourceName, 1, "the header lacks " + String.join(", ", missing)
                    + "; expected " + COLUMNS_TEXT);
        }
        return columns;
    }
}
