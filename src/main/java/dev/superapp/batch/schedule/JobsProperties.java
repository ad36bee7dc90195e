package dev.superapp.batch.schedule;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code serve} finds its job definitions and how it watches them and the other nodes.
 *
 * @param dir           the folder with {@code reconciliation.yaml} and {@code campaigns/*.yaml}
 * @param scanInterval  how often the folder is read again, and dead runs of serve nodes looked for (a run is
 *                      dead when its lease is: {@code batch.lease.*})
 */
@ConfigurationProperties("jobs")
public record JobsProperties(@DefaultValue("./jobs") Path dir, @DefaultValue("30s") Duration scanInterval) {

    public JobsProperties {
        if (scanInterval.isNegative() || scanInterval.isZero()) {
            throw new IllegalArgumentException("jobs.scan-interval must be positive, was " + scanInterval);
        }
    }
}
