package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxTradesFileTest {

    @Test
    void readsTheColumnsInAnyOrderAndIgnoresOtherColumns() {
        List<SandboxTrade> trades = read("""
                note,statuses,close_behaviour,currency,amount,open_id,out_trade_no,trade_no
                pays on the third read,1|1|2,PAID_WHILE_CLOSING,SAR,1999,alice,ORD-1,T1
                """);

        assertThat(trades).containsExactly(new SandboxTrade("T1", "ORD-1", "alice", 1999, "SAR", List.of(1, 1, 2),
                CloseBehaviour.PAID_WHILE_CLOSING, false));
    }

    @Test
    void faultStatusesMakeATradeThatAlwaysFailsAndAnEmptyCloseBehaviourCloses() {
        List<SandboxTrade> trades = read("""
                trade_no,out_trade_no,open_id,amount,currency,statuses,close_behaviour
                T1,ORD-1,alice,100,USD,FAULT,
                T2,ORD-2,bob,100,USD,1,
                """);

        assertThat(trades.get(0).alwaysFails()).isTrue();
        assertThat(trades.get(1).closeBehaviour()).isEqualTo(CloseBehaviour.CLOSES);
    }

    @Test
    void skipsBlankLinesAndAcceptsAByteOrderMark() {
        List<SandboxTrade> trades = read("\uFEFFtrade_no,out_trade_no,open_id,amount,currency,statuses,close_behaviour\r\n"
                + "\r\n"
                + "T1,ORD-1,alice,100,USD,2,CLOSES\r\n");

        assertThat(trades).extracting(SandboxTrade::tradeNo).containsExactly("T1");
    }

    @Test
    void namesTheMissingColumn() {
        assertThatThrownBy(() -> read("trade_no,out_trade_no,open_id,amount,currency,close_behaviour\n"))
                .isInstanceOf(InvalidSandboxFileException.class)
                .hasMessage("trades.csv line 1: the header lacks statuses; expected "
                        + "trade_no,out_trade_no,open_id,amount,currency,statuses,close_behaviour");
    }

    @Test
    void namesTheLineOfABadAmount() {
        assertThatThrownBy(() -> read("""
                trade_no,out_trade_no,open_id,amount,currency,statuses,close_behaviour
                T1,ORD-1,alice,100,USD,2,CLOSES

                T2,ORD-2,bob,1.50,USD,2,CLOSES
                """))
                .isInstanceOf(InvalidSandboxFileException.class)
                .hasMessage("trades.csv line 4: amount '1.50' is not a whole number of cents");
    }

    @Test
    void refusesStatusesOutsideOneToSixAndAnUnknownCloseBehaviour() {
        String header = "trade_no,out_trade_no,open_id,amount,currency,statuses,close_behaviour\n";

        assertThatThrownBy(() -> read(header + "T1,ORD-1,alice,100,USD,1|7,CLOSES\n"))
                .hasMessageStartingWith("trades.csv line 2: transactionStatus values are 1..6");
        assertThatThrownBy(() -> read(header + "T1,ORD-1,alice,100,USD,1|x,CLOSES\n"))
                .hasMessageContaining("must be like 1|1|2");
        assertThatThrownBy(() -> read(header + "T1,ORD-1,alice,100,USD,1,NEVER\n"))
                .hasMessageContaining("close_behaviour 'NEVER' must be one of [CLOSES, PAID_WHILE_CLOSING, CLOSES_LATE]");
    }

    @Test
    void refusesARepeatedTradeNo() {
        assertThatThrownBy(() -> read("""
                trade_no,out_trade_no,open_id,amount,currency,statuses,close_behaviour
                T1,ORD-1,alice,100,USD,2,CLOSES
                T1,ORD-2,bob,100,USD,2,CLOSES
                """))
                .isInstanceOf(InvalidSandboxFileException.class)
                .hasMessageStartingWith("trades.csv line 3: trade_no or out_trade_no repeats");
    }

    @Test
    void aFileThatDoesNotExistIsReportedAsInvalid() {
        assertThatThrownBy(() -> SandboxTradesFile.read(Path.of("no/such/trades.csv")))
                .isInstanceOf(InvalidSandboxFileException.class)
                .hasMessageStartingWith("no/such/trades.csv: cannot be read");
    }

    private static List<SandboxTrade> read(String csv) {
        return SandboxTradesFile.read(new StringReader(csv), "trades.csv");
    }
}
