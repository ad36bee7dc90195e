package dev.superapp.batch.report;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where reports are written.
 *
 * @param dir the directory for every report file; created when missing
 */
@ConfigurationProperties("reports")
public record ReportProperties(@DefaultValue("./reports") Path dir) {
}
