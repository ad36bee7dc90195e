package dev.superapp.batch.console;

import dev.superapp.batch.platform.TradeDetail;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the console writes money, platform statuses, times and answers for people (pages call it as
 * {@code ${@consoleFormat.amount(row.localAmount, row.localCurrency)}}). Amounts are stored and exported in
 * integer minor units; here they are shown in the currency's major unit with its own number of decimals
 * ({@link Currency#getDefaultFractionDigits()}: 2 for SAR, 0 for JPY, 3 for KWD) and thousands separators:
 * {@code 130100} SAR is {@code 1,301.00 SAR}.
 */
@Component
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** {@code 1,301.00 SAR}; a dash for no amount. */
    public String amount(Long minorUnits, String currency) {
        if (minorUnits == null) {
            return "—";
        }
        return major(minorUnits, currency) + (currency == null || currency.isEmpty() ? "" : " " + currency.toUpperCase(Locale.ROOT));
    }

    /**
     * The platform's amount minus ours ({@code -10.00 USD}) when both are in one currency and differ; empty
     * otherwise (a difference across currencies means nothing).
     */
    public String difference(Long local, String localCurrency, Long platform, String platformCurrency) {
        if (local == null || platform == null || localCurrency == null || !localCurrency.equalsIgnoreCase(platformCurrency)
                || local.equals(platform)) {
            return "";
        }
        long difference = platform - local;
        return (difference > 0 ? "+" : "") + amount(difference, localCurrency);
    }

    /** {@code succeeded} for 2; a dash when the platform gave no status. */
    public String platformStatus(Integer transactionStatus) {
        return transactionStatus == null ? "—" : TradeDetail.statusName(transactionStatus);
    }

    /** {@code 2026-11-25 09:30:00 UTC}: stored times are UTC. */
    public String time(LocalDateTime utc) {
        return utc == null ? "—" : TIME.format(utc);
    }

    /** The same for an instant, such as when a resend was asked. */
    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    /** JSON indented for reading; anything that is not JSON as it is. */
    public String json(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            JsonNode tree = PRETTY.readTree(text);
            return tree.isContainer() ? PRETTY.writeValueAsString(tree) : text;
        } catch (JacksonException notJson) {
            return text;
        }
    }

    private static String major(long minorUnits, String currency) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        int digits = fractionDigits(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minorUnits, digits));
    }

    /** An unknown code (or one without minor units, -1 in the JDK) is shown with the common two decimals. */
    private static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return 2;
        }
    }
}
