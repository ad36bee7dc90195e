package dev.superapp.batch.campaign;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pushes are sent.
 *
 * @param chunkSize   recipients per request, 1..50 (the platforms take at most 50)
 * @param orphanAfter a run that has made no progress for this long is taken as dead (its process was
 *                    killed), so pushing the campaign again recovers and resumes it
 */
@ConfigurationProperties("push")
public record PushProperties(@DefaultValue("50") int chunkSize, @DefaultValue("2m") Duration orphanAfter) {

    public PushProperties {
        if (chunkSize < 1 || chunkSize > 50) {
            throw new IllegalArgumentException("push.chunk-size must be 1..50, was " + chunkSize);
        }
    }
}
