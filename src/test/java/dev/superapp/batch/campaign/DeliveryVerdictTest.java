package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.campaign.recipient.RecipientState;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a campaign that sent everything it had to is not plainly FINISHED, and how {@code campaign.max-error-rate} reads. */
class DeliveryVerdictTest {

    private static final BigDecimal HALF = new CampaignErrorLimit("50%").fraction();

    @Test
    void aCampaignThatSentNobodyIsFailingWhateverTheReason() {
        assertThat(DeliveryVerdict.of(Map.of(RecipientState.INVALID, 3L, RecipientState.DUPLICATE, 2L), HALF))
                .isEqualTo(new DeliveryVerdict(true,
                        "no recipient was sent the push (0 sent, 0 rejected, 0 failed, 0 unknown, 3 invalid, 2 duplicate)"));
        assertThat(DeliveryVerdict.of(Map.of(), HALF).failing()).isTrue();
        assertThat(DeliveryVerdict.of(Map.of(RecipientState.REJECTED, 20L), new CampaignErrorLimit("100%").fraction()).failing())
                .isTrue();
    }

    @Test
    void moreThanTheMaxErrorRateRejectedOrFailedIsFailingAndExactlyTheRateIsNot() {
        assertThat(DeliveryVerdict.of(Map.of(RecipientState.SENT, 40L, RecipientState.REJECTED, 50L, RecipientState.FAILED, 10L), HALF))
                .isEqualTo(new DeliveryVerdict(true, "60 of 100 recipients (60%) were rejected or failed, more than "
                        + "campaign.max-error-rate 50% (40 sent, 50 rejected, 10 failed, 0 unknown, 0 invalid, 0 duplicate)"));
        assertThat(DeliveryVerdict.of(Map.of(RecipientState.SENT, 50L, RecipientState.REJECTED, 50L), HALF))
                .isEqualTo(new DeliveryVerdict(false, null));
        assertThat(DeliveryVerdict.of(Map.of(RecipientState.SENT, 90L, RecipientState.REJECTED, 10L), HALF).failing()).isFalse();
    }

    @Test
    void unknownRecipientsCountAsSentToNotAsErrors() {
        assertThat(DeliveryVerdict.of(Map.of(RecipientState.SENT, 10L, RecipientState.UNKNOWN, 50L, RecipientState.FAILED, 30L), HALF)
                .failing()).isFalse();
    }

    @Test
    void theMaxErrorRateIsAPercentageOrAFractionAndNothingAmbiguous() {
        assertThat(new CampaignErrorLimit("50%").fraction()).isEqualByComparingTo("0.5");
        assertThat(new CampaignErrorLimit("0.5").fraction()).isEqualByComparingTo("0.5");
        assertThat(new CampaignErrorLimit(" 12.5 % ").fraction()).isEqualByComparingTo("0.125");
        assertThat(new CampaignErrorLimit("1").fraction()).isEqualByComparingTo("1");
        assertThatThrownBy(() -> new CampaignErrorLimit("50")).hasMessage(
                "campaign.max-error-rate must be a percentage from 0% to 100% (50%) or a fraction from 0 to 1 (0.5), was 50");
        assertThatThrownBy(() -> new CampaignErrorLimit("150%")).hasMessageContaining("campaign.max-error-rate");
        assertThatThrownBy(() -> new CampaignErrorLimit("half")).hasMessageContaining("campaign.max-error-rate");
    }
}
