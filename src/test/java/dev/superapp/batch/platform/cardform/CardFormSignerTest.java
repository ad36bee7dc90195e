package dev.superapp.batch.platform.cardform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Expected signatures were computed outside Java: {@code printf '%s' '<text>' | sha256sum}, then upper-cased. */
class CardFormSignerTest {

    private static final CardFormSignedFields SEED_EXAMPLE = new CardFormSignedFields("fdsagfsdgfsdagsdg",
            "101691407379048", "1000083312531542016", "11", "{\"uniqueId\":\"04820f41\",\"keyword\":\"iphone\"}",
            "1690180572312");

    private final CardFormSigner signer = new CardFormSigner("Your AccessKeySecret");

    @Test
    void signsTheFieldsInTheSeedsOrderWithTheKeyLastAsUppercaseHex() {
        // requestId=fdsagfsdgfsdagsdg&bizId=101691407379048&miniappId=1000083312531542016&operatorId=11
        // &data={"uniqueId":"04820f41","keyword":"iphone"}&timeStamp=1690180572312&secretAccessKey=Your AccessKeySecret
        assertThat(signer.sign(SEED_EXAMPLE))
                .isEqualTo("FFAA336B44D256710D9B4971E299C9883CF31083B8AC32C3DB74D533D05D0C6E");
    }

    @Test
    void signsNullFieldsAsEmptyAndHashesTheUtf8Bytes() {
        // requestId=r-1&bizId=b&miniappId=m&operatorId=&data={"text":"é"}&timeStamp=&secretAccessKey=k
        CardFormSignedFields fields = new CardFormSignedFields("r-1", "b", "m", null, "{\"text\":\"é\"}", null);

        assertThat(new CardFormSigner("k").sign(fields))
                .isEqualTo("31CA880A244FEBC3A53147614AFBFF21C1942D7B3467BAFD916F0156F07D95A2");
    }

    @Test
    void signsTheDataTextByteForByteSoOtherSpacingIsAnotherSignature() {
        CardFormSignedFields spaced = new CardFormSignedFields(SEED_EXAMPLE.requestId(), SEED_EXAMPLE.bizId(),
                SEED_EXAMPLE.miniappId(), SEED_EXAMPLE.operatorId(),
                "{\"uniqueId\": \"04820f41\", \"keyword\": \"iphone\"}", SEED_EXAMPLE.timeStamp());

        assertThat(signer.sign(spaced)).isNotEqualTo(signer.sign(SEED_EXAMPLE));
    }

    @Test
    void verifiesOnlyTheExactUppercaseSignatureWithTheSameKey() {
        String sign = signer.sign(SEED_EXAMPLE);

        assertThat(signer.verifies(SEED_EXAMPLE, sign)).isTrue();
        assertThat(signer.verifies(SEED_EXAMPLE, sign.toLowerCase())).isFalse();
        assertThat(signer.verifies(SEED_EXAMPLE, null)).isFalse();
        assertThat(new CardFormSigner("another key").verifies(SEED_EXAMPLE, sign)).isFalse();
    }

    @Test
    void neverShowsTheKeyAndRefusesABlankOne() {
        assertThat(signer.toString()).doesNotContain("Your AccessKeySecret");
        assertThat(new CardFormProperties("https://x", "m", "b", "o", "Your AccessKeySecret", "UTC").toString())
                .doesNotContain("Your AccessKeySecret")
                .contains("secretAccessKey=****");
        assertThatIllegalArgumentException().isThrownBy(() -> new CardFormSigner(" "))
                .withMessageContaining("cardform.secret-access-key");
    }
}
