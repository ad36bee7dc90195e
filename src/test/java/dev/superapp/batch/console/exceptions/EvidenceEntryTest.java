package dev.superapp.batch.console.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceEntryTest {

    @Test
    void splitsEvidenceIntoCallsWithTheirTimesAndKeepsMultiLineAnswersWhole() {
        String evidence = """
                tradedetail @ 2026-11-25T02:30:01.120Z: {"transactionStatus":1}
                tradeclose @ 2026-11-25T02:30:02.000Z: {
                  "response": true
                }
                tradedetail: {"transactionStatus":6}""";

        assertThat(EvidenceEntry.parse(evidence)).containsExactly(
                new EvidenceEntry("tradedetail", "2026-11-25T02:30:01.120Z", "{\"transactionStatus\":1}"),
                new EvidenceEntry("tradeclose", "2026-11-25T02:30:02.000Z", "{\n  \"response\": true\n}"),
                new EvidenceEntry("tradedetail", "", "{\"transactionStatus\":6}"));
    }

    @Test
    void textThatIsNoCallIsOneEntryAndNothingIsNone() {
        assertThat(EvidenceEntry.parse("(not asked: the order has no trade number)"))
                .containsExactly(new EvidenceEntry("", "", "(not asked: the order has no trade number)"));
        assertThat(EvidenceEntry.parse(null)).isEmpty();
    }
}
