package dev.superapp.batch.report;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Amounts are stored and written to CSV in a currency's minor units (cents); spreadsheets show them in its
 * major unit. How many decimals that is comes from ISO 4217 ({@code JPY} 0, {@code USD} 2, {@code KWD} 3);
 * a code Java does not know, or one without minor units, is taken as 2 so no amount is ever rounded.
 */
public final class MinorUnits {

    private static final int UNKNOWN_CURRENCY_DECIMALS = 2;

    private MinorUnits() {
    }

    public static int decimals(String currency) {
        try {
            int digits = Currency.getInstance(currency == null ? "" : currency.trim()).getDefaultFractionDigits();
            return digits < 0 ? UNKNOWN_CURRENCY_DECIMALS : digits;
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN_CURRENCY_DECIMALS;
        }
    }

    /** {@code 130100} SAR is {@code 1301.00}: exact, never rounded. */
    public static BigDecimal toMajor(long minor, String currency) {
        return BigDecimal.valueOf(minor, decimals(currency));
    }
}
