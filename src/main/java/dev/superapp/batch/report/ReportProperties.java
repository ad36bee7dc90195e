package dev.superapp.batch.report;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where reports are written, and how their manifests are signed.
 *
 * @param dir        the directory for every report file; created when missing
 * @param signingKey when set, every manifest carries an HMAC-SHA256 over its content with this key, and
 *                   {@code verify-report} checks it; never printed, logged or written
 */
@ConfigurationProperties("reports")
public record ReportProperties(@DefaultValue("./reports") Path dir, String signingKey) {

    public boolean signs() {
        return signingKey != null && !signingKey.isEmpty();
    }

    /** Without the key, which must never reach a log line. */
    @Override
    public String toString() {
        return "ReportProperties[dir=" + dir + ", signingKey=" + (signs() ? "(set)" : "(not set)") + "]";
    }
}
