package dev.superapp.batch.report;

/**
 * One column of a report table, with what its cells are: the CSV writes every cell as text (amounts as integer
 * minor units, times as ISO-8601), the XLSX copy as a typed cell.
 *
 * @param currencyColumn for {@link Type#MONEY}, the column in the same row naming the amount's currency
 */
public record ReportColumn(String name, Type type, String currencyColumn) {

    /** What a column's cells hold. */
    public enum Type {
        /** Text as given. */
        TEXT,
        /** A whole number (a count, days). */
        INTEGER,
        /** An amount in minor units; the spreadsheet shows it in the major unit with the currency's decimals. */
        MONEY,
        /** An {@link java.time.Instant}, shown in UTC. */
        DATE_TIME
    }

    public static ReportColumn text(String name) {
        return new ReportColumn(name, Type.TEXT, null);
    }

    public static ReportColumn integer(String name) {
        return new ReportColumn(name, Type.INTEGER, null);
    }

    public static ReportColumn money(String name, String currencyColumn) {
        return new ReportColumn(name, Type.MONEY, currencyColumn);
    }

    public static ReportColumn dateTime(String name) {
        return new ReportColumn(name, Type.DATE_TIME, null);
    }
}
