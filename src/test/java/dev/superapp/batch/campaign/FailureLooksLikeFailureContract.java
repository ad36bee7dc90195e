package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Failure looks like failure: a campaign that sent nobody, or whose rejected and failed recipients pass
 * {@code campaign.max-error-rate} (50%), ends FINISHED_WITH_ERRORS with the counts, its execution's exit code is
 * COMPLETED_WITH_FAILURES, and its page says so; 10% rejected is plainly FINISHED. Card forms the sandbox does not
 * know ({@code unknown-...}) are rejected in {@code errorUniqueId}.
 */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
@AutoConfigureMockMvc
public abstract class FailureLooksLikeFailureContract {

    @TempDir static Path reportsDir;
    @TempDir Path dir;

    @Autowired CampaignLauncher launcher;
    @Autowired CampaignStore store;
    @Autowired CampaignDefinitionParser parser;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private final String prefix = "f" + UUID.randomUUID().toString().substring(0, 8) + "-";

    static void environment(DynamicPropertyRegistry registry, TestDatabase database) {
        database.register(registry);
        TestSandbox.register(registry);
        registry.add("reports.dir", () -> reportsDir.toString());
    }

    @Test
    void aCampaignWhoseEveryRecipientIsRejectedFinishesWithErrorsAndSaysWhy() throws Exception {
        PushRun run = push("all", 20, 20);

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.withErrors()).isTrue();
        assertThat(run.succeeded()).isFalse();
        assertFinishedWithErrors("all", "no recipient was sent the push (0 sent, 20 rejected, 0 failed, 0 unknown, 0 invalid, 0 duplicate)");
    }

    @Test
    void aCampaignOfInvalidLinesOnlyFinishesWithErrors() throws Exception {
        Files.writeString(dir.resolve(prefix + "bad-audience.csv"), "unique_id\nnot valid!\n,\n" + "x".repeat(129) + "\n");

        PushRun run = launcher.push(parser.parse(cardForm("bad")));

        assertThat(run.withErrors()).isTrue();
        assertFinishedWithErrors("bad", "no recipient was sent the push (0 sent, 0 rejected, 0 failed, 0 unknown, 3 invalid, 0 duplicate)");
    }

    @Test
    void sixtyPercentRejectedIsMoreThanTheMaxErrorRate() throws Exception {
        PushRun run = push("most", 100, 60);

        assertThat(run.withErrors()).isTrue();
        assertThat(run.counts()).containsEntry(RecipientState.SENT, 40L).containsEntry(RecipientState.REJECTED, 60L);
        assertFinishedWithErrors("most", "60 of 100 recipients (60%) were rejected or failed, more than campaign.max-error-rate 50%");
        PushRun again = launcher.push(prefix + "most");
        assertThat(again.alreadyFinished()).isTrue();
        assertThat(again.withErrors()).isTrue();
    }

    @Test
    void tenPercentRejectedIsPlainlyFinished() throws Exception {
        PushRun run = push("few", 100, 10);

        assertThat(run.succeeded()).isTrue();
        assertThat(store.find(prefix + "few").orElseThrow().status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(store.find(prefix + "few").orElseThrow().statusDetail()).isNull();
        assertThat(exitCode(run)).isEqualTo("COMPLETED");
        assertThat(page(prefix + "few")).contains("FINISHED", "Sent to 90 recipients; 10 rejected by the platform")
                .doesNotContain("Finished with errors");
    }

    private void assertFinishedWithErrors(String name, String why) throws Exception {
        StoredCampaign campaign = store.find(prefix + name).orElseThrow();
        assertThat(campaign.status()).isEqualTo(CampaignStatus.FINISHED_WITH_ERRORS);
        assertThat(campaign.statusDetail()).contains(why);
        PushRun last = launcher.lastRun(prefix + name).orElseThrow();
        assertThat(exitCode(last)).isEqualTo("COMPLETED_WITH_FAILURES");
        assertThat(last.failure()).contains(why);
        assertThat(page(prefix + name)).contains("FINISHED_WITH_ERRORS", "Finished with errors: " + why, "id=\"download-report\"")
                .doesNotContain("id=\"resume\"", "id=\"cancel\"", "id=\"pause\"");
    }

    /** A card-form campaign of {@code recipients}, the first {@code rejected} of them unknown to the card form. */
    private PushRun push(String name, int recipients, int rejected) throws Exception {
        List<String> lines = new ArrayList<>(List.of("unique_id"));
        for (int i = 0; i < recipients; i++) {
            lines.add((i < rejected ? "unknown-" : "") + prefix + name + i);
        }
        Files.writeString(dir.resolve(prefix + name + "-audience.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return launcher.push(parser.parse(cardForm(name)));
    }

    private Path cardForm(String name) {
        return AudienceFiles.campaign(dir, prefix + name, """
                campaign: %s%s
                channel: cardform
                audience: %s%s-audience.csv
                cardform:
                  text: {imageUrl: "https://cdn.example/c.jpg", clickUrl: "launcherdlt://miniapp?appId=1&page=pages/index/index&query=a%%3D1"}
                  keyword: iphone
                  labels: [{labelName: country, labelValue: "406"}]
                """.formatted(prefix, name, prefix, name));
    }

    private String exitCode(PushRun run) {
        return jdbc.sql("SELECT EXIT_CODE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?").param(run.executionId())
                .query(String.class).single();
    }

    private String page(String campaignId) throws Exception {
        return mvc.perform(get("/campaigns/" + campaignId).with(user("mark").roles("MARKETING"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
