package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Uploaded audiences are deleted {@code console.upload-retention} after their campaign ended, and only those. */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
        "console.upload-retention=30d"})
abstract class UploadRetentionContract {

    @TempDir
    static Path uploads;

    @TempDir
    Path elsewhere;

    @Autowired UploadRetention retention;
    @Autowired ScheduledTaskHolder scheduled;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void uploadDir(DynamicPropertyRegistry registry) {
        registry.add("console.upload-dir", () -> uploads.toString());
    }

    @Test
    void deletesTheUploadsOfCampaignsThatEndedLongerAgoThanTheRetentionOnly() throws Exception {
        Path finishedLongAgo = campaign("FINISHED", 31, uploads);
        Path canceledLongAgo = campaign("CANCELED", 40, uploads);
        Path finishedRecently = campaign("FINISHED", 29, uploads);
        Path failedLongAgo = campaign("FAILED", 60, uploads);
        Path notAnUpload = campaign("FINISHED", 60, elsewhere);

        int deleted = retention.sweep();

        assertThat(deleted).isEqualTo(2);
        assertThat(finishedLongAgo).doesNotExist();
        assertThat(canceledLongAgo).doesNotExist();
        assertThat(finishedRecently).exists();
        assertThat(failedLongAgo).as("a failed campaign may be resumed").exists();
        assertThat(notAnUpload).as("a push definition's own audience").exists();
        assertThat(retention.sweep()).as("a second sweep finds nothing more").isZero();
    }

    @Test
    void serveSweepsOnASchedule() {
        assertThat(scheduled.getScheduledTasks()).extracting(task -> task.getTask().getRunnable().toString())
                .anyMatch(task -> task.contains("UploadRetention.sweep"));
    }

    private Path campaign(String status, int daysSinceEnd, Path dir) throws Exception {
        String id = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        Path audience = Files.writeString(dir.resolve(id + ".csv"), "open_id\nu1\n");
        LocalDateTime ended = LocalDateTime.now(ZoneOffset.UTC).minusDays(daysSinceEnd);
        jdbc.sql("INSERT INTO campaign (campaign_id, channel, definition, audience_path, status, request_nonce, created_at,"
                        + " updated_at) VALUES (?, 'NOTIFY', '{}', ?, ?, '0a1b2c3d', ?, ?)")
                .params(id, audience.toAbsolutePath().toString(), status, ended, ended).update();
        return audience;
    }
}
