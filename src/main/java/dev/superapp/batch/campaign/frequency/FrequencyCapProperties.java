package dev.superapp.batch.campaign.frequency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often one person may be pushed on one channel, across all campaigns of that channel.
 *
 * @param max    pushes per recipient per window; not set (null), there is no cap
 * @param window the sliding window the pushes are counted over, default 24 hours
 */
@ConfigurationProperties("campaign.frequency-cap")
public record FrequencyCapProperties(Integer max, @DefaultValue("24h") Duration window) {

    public FrequencyCapProperties {
        if (max != null && max < 1) {
            throw new IllegalArgumentException("campaign.frequency-cap.max must be at least 1 (leave it unset for no cap), was " + max);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("campaign.frequency-cap.window must be longer than 0, was " + window);
        }
    }

    public boolean on() {
        return max != null;
    }

    /** The detail of a CAPPED line. */
    public String why(String channel) {
        return "had " + max + " push(es) on " + channel + " within " + window + " (campaign.frequency-cap.max " + max
                + "); not sent";
    }
}
