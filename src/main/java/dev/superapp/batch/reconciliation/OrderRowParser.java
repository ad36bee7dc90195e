package dev.superapp.batch.reconciliation;

import dev.superapp.batch.system.UserInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one record of an orders file into an {@link OrderRow}, finding each column by the
 * header's names; every rejection names the file, line and column. Limits follow the
 * {@code payment_order} columns, so a value that validates here also fits there.
 */
final class OrderRowParser {

    static final List<String> COLUMNS = List.of("out_trade_no", "trade_no", "open_id", "amount", "currency", "status", "created_at");

    private static final Pattern CENTS = Pattern.compile("[0-9]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final String STATUSES = Arrays.stream(OrderStatus.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final String file;
    private final Map<String, Integer> index;
    private final int width;

    private OrderRowParser(String file, Map<String, Integer> index, int width) {
        this.file = file;
        this.index = index;
        this.width = width;
    }

    static OrderRowParser forHeader(String file, long line, String[] header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String column = header[i].strip().toLowerCase(Locale.ROOT);
            if (index.putIfAbsent(column, i) != null && COLUMNS.contains(column)) {
                throw new UserInputException(file + " line " + line + ": column " + column + " appears twice in the header");
            }
        }
        List<String> missing = COLUMNS.stream().filter(column -> !index.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new UserInputException(file + " line " + line + ": missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (the header needs " + String.join(",", COLUMNS) + ")");
        }
        return new OrderRowParser(file, index, header.length);
    }

    OrderRow parse(long line, String[] record) {
        if (record.length != width) {
            throw new UserInputException(file + " line " + line + ": " + record.length + " fields, but the header has " + width);
        }
        String outTradeNo = text(line, record, "out_trade_no", 64);
        if (outTradeNo == null) {
            throw rejected(line, "out_trade_no", "empty; every order needs its out_trade_no");
        }
        return new OrderRow(line, outTradeNo, text(line, record, "trade_no", 64), text(line, record, "open_id", 128),
                amount(line, record), currency(line, record), status(line, record), createdAt(line, record));
    }

    /** Identifiers are kept exactly as given (they come from the platform); empty means absent. */
    private String text(long line, String[] record, String column, int maxLength) {
        String value = record[index.get(column)];
        if (value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw rejected(line, column, quoted(value) + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private long amount(long line, String[] record) {
        String value = record[index.get("amount")].strip();
        if (!CENTS.matcher(value).matches()) {
            String problem = value.startsWith("-") && CENTS.matcher(value.substring(1)).matches()
                    ? " is negative" : " is not a whole number of cents";
            throw rejected(line, "amount", quoted(value) + problem);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw rejected(line, "amount", quoted(value) + " is too large");
        }
    }

    private String currency(long line, String[] record) {
        String value = record[index.get("currency")].strip();
        if (!CURRENCY.matcher(value).matches()) {
            throw rejected(line, "currency", quoted(value) + " is not a three-letter currency code");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private OrderStatus status(long line, String[] record) {
        String value = record[index.get("status")].strip();
        if (value.isEmpty()) {
            return OrderStatus.PENDING;
        }
        try {
            return OrderStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw rejected(line, "status", quoted(value) + " is not one of " + STATUSES);
        }
    }

    private Instant createdAt(long line, String[] record) {
        String value = record[index.get("created_at")].strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw rejected(line, "created_at", quoted(value)
                    + " is not an ISO-8601 date-time with offset, e.g. 2026-03-01T09:30:00+03:00");
        }
    }

    private UserInputException rejected(long line, String column, String problem) {
        return new UserInputException(file + " line " + line + ", column " + column + ": " + problem);
    }

    /** Short enough for one line of a terminal, whatever was in the cell. */
    private static String quoted(String value) {
        String oneLine = value.replaceAll("\\R", " ");
        return "\"" + (oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine) + "\"";
    }
}
