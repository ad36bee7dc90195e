package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleFormatTest {

    private final ConsoleFormat format = new ConsoleFormat();

    @ParameterizedTest
    @CsvSource({"130100,SAR,'1,301.00 SAR'", "5,USD,0.05 USD", "123456789,JPY,'123,456,789 JPY'",
            "1234567,KWD,'1,234.567 KWD'", "-1000,usd,-10.00 USD", "0,EUR,0.00 EUR", "1999,XYZ,19.99 XYZ"})
    void amountsAreInTheCurrencysMajorUnitWithItsDecimalsAndThousandsSeparators(long minor, String currency,
                                                                                  String shown) {
        assertThat(format.amount(minor, currency)).isEqualTo(shown);
    }

    @Test
    void noAmountIsADash() {
        assertThat(format.amount(null, "USD")).isEqualTo("—");
    }

    @Test
    void differenceIsThePlatformsAmountMinusOursInOneCurrencyOnly() {
        assertThat(format.difference(130100L, "SAR", 130000L, "SAR")).isEqualTo("-1.00 SAR");
        assertThat(format.difference(1000L, "USD", 1250L, "usd")).isEqualTo("+2.50 USD");
        assertThat(format.difference(1000L, "USD", 1000L, "USD")).isEmpty();
        assertThat(format.difference(1000L, "USD", 1000L, "SAR")).as("across currencies").isEmpty();
        assertThat(format.difference(1000L, "USD", null, null)).isEmpty();
    }

    @Test
    void platformStatusesHaveTheirNames() {
        assertThat(format.platformStatus(2)).isEqualTo("succeeded");
        assertThat(format.platformStatus(1)).isEqualTo("processing");
        assertThat(format.platformStatus(6)).isEqualTo("closed");
        assertThat(format.platformStatus(null)).isEqualTo("—");
    }

    @Test
    void timesAreUtcAndJsonIsIndentedWhileOtherTextStaysAsItIs() {
        assertThat(format.time(LocalDateTime.parse("2026-11-25T09:30:00"))).isEqualTo("2026-11-25 09:30:00 UTC");
        assertThat(format.json("{\"a\":{\"b\":2}}")).isEqualTo("{\n  \"a\" : {\n    \"b\" : 2\n  }\n}");
        assertThat(format.json("HTTP 503 Service Unavailable")).isEqualTo("HTTP 503 Service Unavailable");
        assertThat(format.json("{\"cut\":")).isEqualTo("{\"cut\":");
    }
}
