package dev.superapp.batch.console.reports;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of report rows, read by key so that a deep page costs what the first does.
 *
 * @param next the key to continue after, null on the last page
 */
record RowPage<T>(List<T> rows, Long next) {

    /** @param fetched up to {@code size + 1} rows: the extra one only says that another page exists */
    static <T> RowPage<T> of(List<T> fetched, int size, ToLongFunction<T> key) {
        if (fetched.size() <= size) {
            return new RowPage<>(fetched, null);
        }
        List<T> rows = fetched.subList(0, size);
        return new RowPage<>(rows, key.applyAsLong(rows.get(size - 1)));
    }
}
