package dev.superapp.batch.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One data row of a sandbox trades file, turned into a {@link SandboxTrade} or into a one-line problem. */
final class SandboxTradeRow {

    private static final String FAULT = "FAULT";

    private final String[] cells;
    private final Map<String, Integer> columns;
    private final String sourceName;
    private final long line;

    SandboxTradeRow(String[] cells, Map<String, Integer> columns, String sourceName, long line) {
        this.cells = cells;
        this.columns = columns;
        this.sourceName = sourceName;
        this.line = line;
    }

    SandboxTrade toTrade() {
        String tradeNo = cell("trade_no");
        String outTradeNo = cell("out_trade_no");
        String openId = cell("open_id");
        String currency = cell("currency");
        long amount = amount();
        String script = cell("statuses");
        try {
            if (script.equalsIgnoreCase(FAULT)) {
                return SandboxTrade.failing(tradeNo, outTradeNo, openId, amount, currency);
            }
            return new SandboxTrade(tradeNo, outTradeNo, openId, amount, currency, statuses(script),
                    closeBehaviour(), false);
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    InvalidSandboxFileException problem(String what) {
        return InvalidSandboxFileException.at(sourceName, line, what);
    }

    private String cell(String column) {
        int index = columns.get(column);
        if (index >= cells.length) {
            throw problem("has " + cells.length + " cells; the header has more");
        }
        return cells[index].trim();
    }

    private long amount() {
        String text = cell("amount");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw problem("amount '" + text + "' is not a whole number of cents");
        }
    }

    private List<Integer> statuses(String text) {
        List<Integer> statuses = new ArrayList<>();
        for (String status : text.split("\\|", -1)) {
            try {
                statuses.add(Integer.parseInt(status.trim()));
            } catch (NumberFormatException e) {
                throw problem("statuses '" + text + "' must be like 1|1|2 (values 1..6) or " + FAULT);
            }
        }
        return statuses;
    }

    private CloseBehaviour closeBehaviour() {
        String text = cell("close_behaviour");
        if (text.isEmpty()) {
            return CloseBehaviour.CLOSES;
        }
        try {
            return CloseBehaviour.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem("close_behaviour '" + text + "' must be one of " + Arrays.toString(CloseBehaviour.values()));
        }
    }
}
