package dev.superapp.batch.campaign.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class AudienceReaderTest {

    @TempDir Path dir;

    @Test
    void resumesAfterTheLastStagedLineWhateverTheExecutionContextSays() throws Exception {
        Path file = Files.writeString(dir.resolve("a.csv"), "open_id\nu1\n\nu2\nu3\nu4\n");
        AudienceReader reader = new AudienceReader(file, "open_id", 4);

        reader.open(new ExecutionContext());
        try {
            assertThat(reader.read()).isEqualTo(new AudienceLine(5, "u3"));
            assertThat(reader.read()).isEqualTo(new AudienceLine(6, "u4"));
            assertThat(reader.read()).isNull();
        } finally {
            reader.close();
        }
    }
}
