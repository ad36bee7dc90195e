package dev.superapp.batch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A plain-text table for the terminal: columns padded to their widest cell, two spaces apart. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("table has " + columns + " columns, row has " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(cell -> Objects.toString(cell, "")).toArray(String[]::new));
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < columns; column++) {
                line.append(column == 0 ? "" : "  ").append(row[column]);
                if (column < columns - 1) {
                    line.append(" ".repeat(widths[column] - row[column].length()));
                }
            }
            out.println(line);
        }
        out.flush();
    }
}
