package dev.superapp.batch.campaign.audience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audience staging settings.
 *
 * @param chunkSize audience lines per transaction of {@code stageAudienceStep}; also the size of the
 *                  duplicate lookup, so it bounds memory
 */
@ConfigurationProperties("campaign.staging")
public record CampaignStagingProperties(@DefaultValue("10000") int chunkSize) {

    public CampaignStagingProperties {
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new IllegalArgumentException("campaign.staging.chunk-size must be 1..10000, was " + chunkSize);
        }
    }
}
