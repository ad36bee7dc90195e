package dev.superapp.batch.campaign;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of a campaign may go wrong before it ends {@link CampaignStatus#FINISHED_WITH_ERRORS} rather than FINISHED.
 *
 * @param maxErrorRate the share of the recipients sent to that may end REJECTED or FAILED: a percentage
 *                     ({@code 50%}, {@code 12.5%}) or a fraction ({@code 0.5}); a bare number above 1 is refused
 *                     rather than guessed at
 */
@ConfigurationProperties("campaign")
public record CampaignErrorLimit(@DefaultValue("50%") String maxErrorRate) {

    public CampaignErrorLimit {
        fraction(maxErrorRate);
    }

    /** {@link #maxErrorRate} as a fraction from 0 to 1: {@code 50%} is 0.5. */
    public BigDecimal fraction() {
        return fraction(maxErrorRate);
    }

    private static BigDecimal fraction(String text) {
        String value = text.trim();
        boolean percent = value.endsWith("%");
        try {
            BigDecimal rate = new BigDecimal(percent ? value.substring(0, value.length() - 1).trim() : value);
            rate = percent ? rate.movePointLeft(2) : rate;
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("campaign.max-error-rate must be a percentage from 0% to 100% (50%)"
                    + " or a fraction from 0 to 1 (0.5), was " + text);
        }
    }
}
