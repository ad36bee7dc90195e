package dev.superapp.batch.campaign.sending;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pushes are sent.
 *
 * @param chunkSize recipients per request, 1..50 (the platforms take at most 50)
 */
@ConfigurationProperties("push")
public record PushProperties(@DefaultValue("50") int chunkSize) {

    public PushProperties {
        if (chunkSize < 1 || chunkSize > 50) {
            throw new IllegalArgumentException("push.chunk-size must be 1..50, was " + chunkSize);
        }
    }
}
