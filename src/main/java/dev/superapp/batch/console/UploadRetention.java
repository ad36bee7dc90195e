package dev.superapp.batch.console;

import dev.superapp.batch.console.campaigns.ConsoleProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes uploaded audiences (lists of customers' ids) {@code console.upload-retention} after their campaign
 * ended (FINISHED, FINISHED_WITH_ERRORS or CANCELED; a failed or stopped campaign may still be resumed and keeps its file). Only files
 * inside {@code console.upload-dir} are touched: an audience a {@code push} definition names is its owner's.
 * Every hour in {@code serve}; several nodes sweeping at once only find the files already gone. The recipients,
 * their outcomes and the delivery report stay.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadRetention {

    private static final Logger log = LoggerFactory.getLogger(UploadRetention.class);

    private final JdbcClient jdbc;
    private final ConsoleProperties console;
    private final Clock clock;

    UploadRetention(JdbcClient jdbc, ConsoleProperties console, Clock clock) {
        this.jdbc = jdbc;
        this.console = console;
        this.clock = clock;
    }

    /** Turns on {@link Scheduled} in {@code serve} for the sweep. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableScheduling
    static class Schedule {
    }

    /** @return how many audience files were deleted */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    int sweep() {
        LocalDateTime endedBefore = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(console.uploadRetention());
        List<String> audiences = jdbc.sql("SELECT audience_path FROM campaign WHERE status IN ('FINISHED', 'FINISHED_WITH_ERRORS', 'CANCELED')"
                        + " AND updated_at < ?")
                .param(endedBefore).query(String.class).list();
        Path uploads = console.uploadDir().toAbsolutePath().normalize();
        int deleted = 0;
        for (String audience : audiences) {
            Path file = Path.of(audience).toAbsolutePath().normalize();
            if (file.startsWith(uploads) && delete(file)) {
                deleted++;
            }
        }
        return deleted;
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the expired audience {}: {}", file, e.getMessage());
            return false;
        }
    }
}
