package dev.superapp.batch.platform.mos;

import static dev.superapp.batch.platform.mos.MosFixture.md5Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MosSignerTest {

    private final MosSigner signer = new MosSigner("app-secret");

    @Test
    void signsSortedKeysAsAQueryStringWithTheSecretAppendedInLowercaseMd5() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("outTradeNo", "O-1");
        fields.put("nonceStr", "abc");
        fields.put("appKey", "k1");

        assertThat(signer.sign(fields)).isEqualTo(md5Hex("appKey=k1&nonceStr=abc&outTradeNo=O-1&secret=app-secret"))
                .matches("[0-9a-f]{32}");
    }

    @Test
    void leavesOutSignAndEmptyValuesAndTrimsTheRest() {
        Map<String, String> fields = new HashMap<>();
        fields.put("appKey", " k1 ");
        fields.put("desc", "");
        fields.put("notifyUrl", null);
        fields.put("blank", "  ");
        fields.put("sign", "whatever");

        // A value of blanks is not empty in the seed's sample: it signs as "blank=".
        assertThat(signer.sign(fields)).isEqualTo(md5Hex("appKey=k1&blank=&secret=app-secret"));
    }

    @Test
    void sortsKeysByCharacterCodeSoUppercaseComesFirst() {
        assertThat(signer.sign(Map.of("b", "2", "B", "1", "a", "3")))
                .isEqualTo(md5Hex("B=1&a=3&b=2&secret=app-secret"));
    }

    @Test
    void verifiesItsOwnSignAndRejectsAChangedField() {
        Map<String, String> fields = new HashMap<>(Map.of("appKey", "k1", "outTradeNo", "O-1"));
        fields.put("sign", signer.sign(fields));
        assertThat(signer.verifies(fields)).isTrue();

        fields.put("outTradeNo", "O-2");
        assertThat(signer.verifies(fields)).isFalse();
    }

    @Test
    void refusesAMissingSecretAndNeverShowsIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MosSigner(" ")).withMessageContaining("mos.app-secret");
        assertThat(signer.toString()).doesNotContain("app-secret");
    }
}
