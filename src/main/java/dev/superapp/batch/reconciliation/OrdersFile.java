package dev.superapp.batch.reconciliation;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import dev.superapp.batch.system.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A merchant's orders file (DESIGN.md, "Orders file"), read and validated as a whole: every bad
 * row fails the file, each reported on a line naming the file, line and column (the first
 * {@value RowProblems#SHOWN}, then how many more), so nothing is stored from a file that is only
 * partly right and every problem is found in one pass.
 *
 * <p>UTF-8, with or without a byte-order mark; CRLF or LF; RFC 4180 quoting; a header row whose
 * columns may come in any order (extra columns are ignored); blank lines are skipped.
 */
public final class OrdersFile {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private OrdersFile() {
    }

    /**
     * The orders in {@code file}, in file order.
     *
     * @throws UserInputException the file cannot be read or any line of it is not a valid order
     */
    public static List<OrderRow> read(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException(file + " is a directory, not an orders file");
        }
        try {
            return parse(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserInputException(file + ": permission denied");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<OrderRow> parse(Path file) throws IOException {
        try (CSVReader csv = new CSVReaderBuilder(Files.newBufferedReader(file, StandardCharsets.UTF_8))
                .withCSVParser(new RFC4180ParserBuilder().build())
                .build()) {
            return readRows(file.toString(), csv);
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + " line " + lineOfFirstBadByte(file) + ": not valid UTF-8 (save the file as UTF-8)");
        }
    }

    private static List<OrderRow> readRows(String name, CSVReader csv) throws IOException {
        List<OrderRow> orders = new ArrayList<>();
        Map<String, Long> firstLineOfOrder = new HashMap<>();
        OrderRowParser parser = null;
        RowProblems problems = new RowProblems(name);
        while (true) {
            long line = csv.getLinesRead() + 1;
            String[] record = next(name, csv);
            if (record == null) {
                break;
            }
            if (isBlank(record)) {
                continue;
            }
            if (parser == null) {
                parser = OrderRowParser.forHeader(name, line, withoutByteOrderMark(record));
                continue;
            }
            OrderRow order;
            try {
                order = parser.parse(line, record);
            } catch (UserInputException badRow) {
                problems.add(badRow.getMessage());
                continue;
            }
            Long earlier = firstLineOfOrder.putIfAbsent(order.outTradeNo(), line);
            if (earlier != null) {
                problems.add(name + " line " + line + ", column out_trade_no: \"" + order.outTradeNo()
                        + "\" is already on line " + earlier);
            }
            orders.add(order);
        }
        if (parser == null) {
            throw new UserInputException(name + " is empty; expected a header row " + String.join(",", OrderRowParser.COLUMNS));
        }
        problems.throwIfAny();
        return orders;
    }

    /** The next record; a CSV syntax error is reported at the line where reading stopped. */
    private static String[] next(String name, CSVReader csv) throws IOException {
        try {
            return csv.readNext();
        } catch (CharacterCodingException e) {
            throw e;
        } catch (CsvException | IOException e) {
            throw new UserInputException(name + " line " + (csv.getLinesRead() + 1) + ": " + e.getMessage(), e);
        }
    }

    /** Decoding runs ahead of parsing in large blocks, so the line is found again from the bytes. */
    private static long lineOfFirstBadByte(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        StandardCharsets.UTF_8.newDecoder().decode(bytes, CharBuffer.allocate(bytes.capacity()), true);
        long line = 1;
        for (int i = 0; i < bytes.position(); i++) {
            line += bytes.get(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    private static boolean isBlank(String[] record) {
        return Arrays.stream(record).allMatch(String::isBlank);
    }

    private static String[] withoutByteOrderMark(String[] header) {
        if (!header[0].isEmpty() && header[0].charAt(0) == BYTE_ORDER_MARK) {
            header[0] = header[0].substring(1);
        }
        return header;
    }
}
