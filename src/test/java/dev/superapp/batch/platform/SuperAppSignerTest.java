package dev.superapp.batch.platform;

import static dev.superapp.batch.platform.SuperAppFixture.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuperAppSignerTest {

    private final SuperAppSigner signer = new SuperAppSigner("xyz");

    @Test
    void signsKeysInByteOrderWithTheSecretAmongThem() {
        String sign = signer.sign(Map.of("timestamp", "1", "appid", "A", "B", "upper", "scope", "s"));

        // 'B' (0x42) sorts before every lowercase key; "scope" < "secret" < "timestamp".
        assertThat(sign).isEqualTo(sha256Hex("B=upperappid=Ascope=ssecret=xyztimestamp=1"));
    }

    @Test
    void signsNullAsTheEmptyString() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("link", null);
        parameters.put("title", "t");

        assertThat(signer.sign(parameters)).isEqualTo(sha256Hex("link=secret=xyztitle=t"));
    }

    @Test
    void signsAListJoinedWithCommasExactlyAsSent() {
        assertThat(signer.sign(Map.of("openIds", "o-1,o-2")))
                .isEqualTo(sha256Hex("openIds=o-1,o-2secret=xyz"));
    }

    @Test
    void leavesSignAndFileDataOutOfTheSignature() {
        String bare = signer.sign(Map.of("title", "t"));

        assertThat(signer.sign(Map.of("title", "t", "sign", "old", "fileData", "bytes"))).isEqualTo(bare);
    }

    @Test
    void producesLowercaseHex() {
        assertThat(signer.sign(Map.of("a", "b"))).matches("[0-9a-f]{64}");
    }

    @Test
    void verifiesOnlyAnUntamperedSignature() {
        Map<String, String> signed = new HashMap<>(Map.of("tradeNo", "T-1"));
        signed.put("sign", signer.sign(signed));
        Map<String, String> tampered = new HashMap<>(signed);
        tampered.put("tradeNo", "T-2");

        assertThat(signer.verifies(signed)).isTrue();
        assertThat(signer.verifies(tampered)).isFalse();
    }

    @Test
    void refusesABlankSecretAndNeverPrintsIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SuperAppSigner(" "));
        assertThat(signer.toString()).doesNotContain("xyz");
    }
}
