package dev.superapp.batch.campaign.audience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientIdRuleTest {

    @Test
    void acceptsUpTo128LettersDigitsUnderscoresAndDashes() {
        assertThat(RecipientIdRule.problem("19d3c6832e63392331ff6dfe7b0d0f7b")).isNull();
        assertThat(RecipientIdRule.problem("A_b-9".repeat(25) + "abc")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'' | empty",
            "' abc' | bad character U+0020 at position 1: only A-Z, a-z, 0-9, _ and - are allowed",
            "ab.c | bad character '.' at position 3: only A-Z, a-z, 0-9, _ and - are allowed",
            "ab😀c | bad character '😀' at position 3: only A-Z, a-z, 0-9, _ and - are allowed",
            "é | bad character 'é' at position 1: only A-Z, a-z, 0-9, _ and - are allowed"})
    void namesWhatIsWrongWithAnInvalidId(String id, String problem) {
        assertThat(RecipientIdRule.problem(id)).isEqualTo(problem);
    }

    @Test
    void cutsATooLongIdTo128CharactersForStorage() {
        String id = "😀".repeat(130);

        assertThat(RecipientIdRule.problem(id)).isEqualTo("too long: 130 characters, at most 128");
        assertThat(RecipientIdRule.stored(id)).isEqualTo("😀".repeat(128));
        assertThat(RecipientIdRule.stored("")).isNull();
    }
}
