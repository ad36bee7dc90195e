package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StageAudienceJobOnMariaDbTest extends StageAudienceJobContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.MARIADB.register(registry);
        // The bulk path: each chunk goes as LOAD DATA LOCAL INFILE of the writer's own stream.
        registry.add("spring.datasource.hikari.data-source-properties.allowLoadLocalInfile", () -> "true");
    }

    /** With allowLoadLocalInfile=true, each chunk goes as LOAD DATA (the server counts them). */
    @Test
    void stagesEachChunkWithLoadDataLocalInfile() throws Exception {
        GeneratedAudience audience = new GeneratedAudience(1_500);
        long loadsBefore = loadStatements();
        store.register(parser.parse(CampaignFixtures.activityYaml(dir, "loaded", audience.lines(), "\n")));

        assertThat(start("loaded").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(loadStatements() - loadsBefore).as("one LOAD DATA per chunk of 100, at least").isGreaterThanOrEqualTo(15);
        assertThat(recipients.page("loaded", 0, 100_000)).isEqualTo(audience.expected());
    }

    private long loadStatements() {
        List<Long> counts = jdbc.sql("SHOW GLOBAL STATUS LIKE 'Com_load'").query((rs, row) -> rs.getLong(2)).list();
        return counts.get(0);
    }
}
