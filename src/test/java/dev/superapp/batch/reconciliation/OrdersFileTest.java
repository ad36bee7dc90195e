package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.system.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrdersFileTest {

    private static final String HEADER = "out_trade_no,trade_no,open_id,amount,currency,status,created_at\n";

    @TempDir Path dir;

    @Test
    void readsEveryColumnOfAnOrder() throws IOException {
        List<OrderRow> orders = OrdersFile.read(write(HEADER
                + "A-1,T-1,open-1,1250,sar,PAID,2026-03-01T09:30:00+03:00\n"));

        assertThat(orders).containsExactly(new OrderRow(2, "A-1", "T-1", "open-1", 1250, "SAR",
                OrderStatus.PAID, Instant.parse("2026-03-01T06:30:00Z")));
    }

    @Test
    void storesAbsentTradeNoAndOpenIdAsNullAndAnEmptyStatusAsPending() throws IOException {
        OrderRow order = OrdersFile.read(write(HEADER + "A-1,,,0,USD,,2026-03-01T00:00:00Z\n")).get(0);

        assertThat(order.tradeNo()).isNull();
        assertThat(order.openId()).isNull();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void keepsPlatformIdentifiersExactlyAsGiven() throws IOException {
        OrderRow order = OrdersFile.read(write(HEADER + "A-1,\" T/1 \",oPen=Id+,1,USD,PENDING,2026-03-01T00:00:00Z\n")).get(0);

        assertThat(order.tradeNo()).isEqualTo(" T/1 ");
        assertThat(order.openId()).isEqualTo("oPen=Id+");
    }

    @Test
    void acceptsColumnsInAnyOrderAndIgnoresExtraColumns() throws IOException {
        List<OrderRow> orders = OrdersFile.read(write("""
                note,created_at,status,currency,amount,open_id,trade_no,out_trade_no
                hello,2026-03-01T00:00:00Z,FAILED,EUR,7,o-1,T-1,A-1
                """));

        assertThat(orders).singleElement().satisfies(order -> {
            assertThat(order.outTradeNo()).isEqualTo("A-1");
            assertThat(order.tradeNo()).isEqualTo("T-1");
            assertThat(order.amount()).isEqualTo(7);
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        });
    }

    @Test
    void acceptsByteOrderMarkCrlfAndBlankLines() throws IOException {
        List<OrderRow> orders = OrdersFile.read(write("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "\r\nA-1,T-1,o,1,USD,PAID,2026-03-01T00:00:00Z\r\n\r\n,,,,,,\r\n"
                + "A-2,T-2,o,2,USD,PAID,2026-03-01T00:00:00Z\r\n\r\n"));

        assertThat(orders).extracting(OrderRow::outTradeNo, OrderRow::tradeNo)
                .containsExactly(Tuple.tuple("A-1", "T-1"), Tuple.tuple("A-2", "T-2"));
    }

    @Test
    void countsLinesAsAnEditorShowsThemBlankAndQuotedMultiLineOnesIncluded() throws IOException {
        Path file = write(HEADER + "\r\nA-1,T-1,\"two\nlines\",1,USD,PAID,2026-03-01T00:00:00Z\r\n\r\n"
                + "A-2,T-2,o,1,USD,PAID,yesterday\r\n");

        assertThatThrownBy(() -> OrdersFile.read(file))
                .hasMessageStartingWith(file + " line 6, column created_at: \"yesterday\"");
    }

    @Test
    void readsAHeaderOnlyFileAsNoOrders() throws IOException {
        assertThat(OrdersFile.read(write(HEADER))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            amount with cents       | A-1,T-1,o,12.50,USD,PAID,2026-03-01T00:00:00Z  | line 3, column amount: "12.50" is not a whole number of cents
            negative amount         | A-1,T-1,o,-5,USD,PAID,2026-03-01T00:00:00Z     | line 3, column amount: "-5" is negative
            empty amount            | A-1,T-1,o,,USD,PAID,2026-03-01T00:00:00Z       | line 3, column amount: "" is not a whole number of cents
            huge amount             | A-1,T-1,o,99999999999999999999,USD,PAID,2026-03-01T00:00:00Z | line 3, column amount: "99999999999999999999" is too large
            two-letter currency     | A-1,T-1,o,1,US,PAID,2026-03-01T00:00:00Z       | line 3, column currency: "US" is not a three-letter currency code
            digits for currency     | A-1,T-1,o,1,840,PAID,2026-03-01T00:00:00Z      | line 3, column currency: "840" is not a three-letter currency code
            unknown status          | A-1,T-1,o,1,USD,SHIPPED,2026-03-01T00:00:00Z   | line 3, column status: "SHIPPED" is not one of PENDING, PAID, FAILED, EXPIRED, CANCELED, CLOSED, REVIEW, REFUND_NEEDED
            date without offset     | A-1,T-1,o,1,USD,PAID,2026-03-01T09:30:00       | line 3, column created_at: "2026-03-01T09:30:00" is not an ISO-8601 date-time with offset, e.g. 2026-03-01T09:30:00+03:00
            missing out_trade_no    | ,T-1,o,1,USD,PAID,2026-03-01T00:00:00Z         | line 3, column out_trade_no: empty; every order needs its out_trade_no
            too few fields          | A-1,T-1,o,1,USD,PAID                           | line 3: 6 fields, but the header has 7
            """)
    void rejectsTheFileNamingLineColumnAndValue(String problem, String badLine, String message) throws IOException {
        Path file = write(HEADER + "A-0,T-0,o,1,USD,PAID,2026-03-01T00:00:00Z\n" + badLine + "\n");

        assertThatThrownBy(() -> OrdersFile.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + " " + message);
    }

    @Test
    void reportsEveryBadRowInOnePassTheFirstHundredThenHowManyMore() throws IOException {
        StringBuilder content = new StringBuilder(HEADER);
        for (int i = 0; i < 103; i++) {
            content.append("A-").append(i).append(",T,o,").append(i % 2 == 0 ? "x" : "1").append(",USD,PAID,2026-03-01T00:00:00Z\n");
        }
        for (int i = 0; i < 100; i++) {
            content.append("B-").append(i).append(",T,o,1,US,PAID,2026-03-01T00:00:00Z\n");
        }
        Path file = write(content.toString());

        assertThatThrownBy(() -> OrdersFile.read(file))
                .isInstanceOf(UserInputException.class)
                .satisfies(e -> {
                    List<String> lines = e.getMessage().lines().toList();
                    assertThat(lines).hasSize(102);
                    assertThat(lines.get(0)).isEqualTo(file + " line 2, column amount: \"x\" is not a whole number of cents");
                    assertThat(lines.get(52)).isEqualTo(file + " line 105, column currency: \"US\" is not a three-letter currency code");
                    assertThat(lines.get(100)).isEqualTo("... and 52 more");
                    assertThat(lines.get(101)).isEqualTo(file + ": 152 bad rows; nothing was imported");
                });
    }

    @Test
    void rejectsAnOrderNumberThatAppearsTwice() throws IOException {
        Path file = write(HEADER + "A-1,T-1,o,1,USD,PAID,2026-03-01T00:00:00Z\nA-1,T-2,o,1,USD,PAID,2026-03-01T00:00:00Z\n");

        assertThatThrownBy(() -> OrdersFile.read(file))
                .hasMessage(file + " line 3, column out_trade_no: \"A-1\" is already on line 2");
    }

    @Test
    void rejectsAHeaderWithoutARequiredColumnNamingIt() throws IOException {
        Path file = write("out_trade_no,trade_no,open_id,currency,status,created_at\n");

        assertThatThrownBy(() -> OrdersFile.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file + " line 1: missing column amount (the header needs out_trade_no,");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = write("\n\n");

        assertThatThrownBy(() -> OrdersFile.read(file))
                .hasMessageStartingWith(file + " is empty; expected a header row out_trade_no,");
    }

    @Test
    void rejectsAMissingFile() {
        assertThatThrownBy(() -> OrdersFile.read(Path.of("no-such-orders.csv")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("no-such-orders.csv: no such file");
    }

    @Test
    void rejectsBytesThatAreNotUtf8() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.write(file, (HEADER + "A-1,T-1,caf").getBytes(StandardCharsets.UTF_8));
        Files.write(file, new byte[] {(byte) 0xE9, ',', '1', '\n'}, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> OrdersFile.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + " line 2: not valid UTF-8 (save the file as UTF-8)");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("orders.csv"), content, StandardCharsets.UTF_8);
    }
}
