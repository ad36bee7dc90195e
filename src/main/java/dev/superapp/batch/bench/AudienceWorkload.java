package dev.superapp.batch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An activity campaign whose audience file has {@code recipients} distinct valid openIds, one a line,
 * written to disk (never held in memory: files reach 10,000,000 lines).
 *
 * @param campaignId also the activityId
 */
public record AudienceWorkload(String campaignId, long recipients) {

    /** Writes {@code <campaignId>.csv} and {@code <campaignId>.yaml} into {@code dir}; returns the definition. */
    public Path writeInto(Path dir) {
        Path audience = dir.resolve(campaignId + ".csv");
        Path definition = dir.resolve(campaignId + ".yaml");
        try (BufferedWriter out = Files.newBufferedWriter(audience, StandardCharsets.UTF_8)) {
            out.write("open_id\n");
            for (long i = 1; i <= recipients; i++) {
                out.write("user-");
                out.write(Long.toString(i));
                out.write('\n');
            }
            Files.writeString(definition, """
                    campaign: %s
                    channel: activity
                    audience: %s
                    activity: {activityId: %s, templateId: "1", color: FFFFFF, title: Benchmark, text: Benchmark,
                               iconUrl: "https://cdn.example/icon.png", path: pages/index/index,
                               validityTime: 86400, status: 1, language: en_US}
                    """.formatted(campaignId, audience.getFileName(), campaignId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark audience under " + dir, e);
        }
        return definition;
    }
}
