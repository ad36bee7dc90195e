package dev.superapp.batch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReportPropertiesTest {

    @Test
    void writesReportsUnderDotReportsByDefault() {
        assertThat(bind(Map.of()).dir().normalize()).isEqualTo(Path.of("reports"));
    }

    @Test
    void takesTheDirectoryFromReportsDir() {
        assertThat(bind(Map.of("reports.dir", "/var/reports")).dir()).isEqualTo(Path.of("/var/reports"));
    }

    private static ReportProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("reports", ReportProperties.class);
    }
}
