package dev.superapp.batch.console.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.campaign.AudiencePreview;
import dev.superapp.batch.campaign.AudienceStaging;
import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The campaign's page: the preview counts the lines it will not send because of the suppression list and the frequency
 * cap, and a campaign that paused itself says why.
 */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
        "campaign.frequency-cap.max=1"})
@AutoConfigureMockMvc
class CampaignPreviewGuardsTest {

    @TempDir static Path uploads;
    @TempDir Path dir;

    @Autowired MockMvc mvc;
    @Autowired AudienceStaging staging;
    @Autowired SuppressionList suppressions;
    @Autowired CampaignLauncher launcher;
    @Autowired CampaignDefinitionParser parser;
    @Autowired CampaignLifecycle lifecycle;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("console.upload-dir", uploads::toString);
    }

    @Test
    void thePreviewCountsSuppressedLinesAndRecipientsOverTheCapIfSentNow() throws Exception {
        suppressions.add(RecipientIdKind.OPEN_ID, List.of("pg-quiet"), "asked to stop", "mark");
        Files.writeString(dir.resolve("earlier.csv"), "open_id\npg-busy\n");
        assertThat(launcher.push(parser.parse(AudienceFiles.campaign(dir, "pg-earlier", """
                campaign: pg-earlier
                channel: notify
                audience: earlier.csv
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "1", language: en_US}
                """))).counts()).containsEntry(RecipientState.SENT, 1L);

        mvc.perform(multipart("/campaigns/new")
                        .file(new MockMultipartFile("audience", "a.csv", "text/csv",
                                "open_id\npg-quiet\npg-busy\npg-free\n".getBytes(StandardCharsets.UTF_8)))
                        .param("channel", "notify").param("campaign", "pg-next")
                        .param("field.notifyType", "1").param("field.title", "Hello").param("field.text", "A message")
                        .param("field.navigateType", "1").param("field.language", "en_US")
                        .with(user("mark").roles("MARKETING")).with(csrf()))
                .andExpect(redirectedUrl("/campaigns/pg-next"));
        AudiencePreview preview = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> staging.preview("pg-next"), p -> p.staging() == AudiencePreview.Staging.STAGED);

        assertThat(preview.valid()).isEqualTo(2);
        assertThat(preview.suppressed()).isEqualTo(1);
        assertThat(preview.capped()).isEqualTo(1);
        String page = mvc.perform(get("/campaigns/pg-next").with(user("mark").roles("MARKETING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"count-valid\">2<", "id=\"count-suppressed\">1<", "id=\"count-capped\">1<",
                "on the suppression list: asked to stop");
    }

    @Test
    void aCampaignThatPausedItselfSaysWhyOnItsPageAndOffersResume() throws Exception {
        Files.writeString(dir.resolve("paused.csv"), "open_id\npg-p1\n");
        lifecycle.register(parser.parse(AudienceFiles.campaign(dir, "pg-paused", """
                campaign: pg-paused
                channel: notify
                audience: paused.csv
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "1", language: en_US}
                """)));
        // As a run that is sending: its canary then pauses it, and the run stops.
        jdbc.sql("UPDATE campaign SET status = 'SENDING' WHERE campaign_id = 'pg-paused'").update();
        assertThat(lifecycle.pauseItself("pg-paused", "paused by the canary: 3 of its first 10 recipients (30.0%) were"
                + " rejected or failed, more than its maxErrorRate 5.0%; resume it to send the rest")).isTrue();
        lifecycle.ended("pg-paused", BatchStatus.STOPPED, null);

        String page = mvc.perform(get("/campaigns/pg-paused").with(user("mark").roles("MARKETING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("PAUSED", "id=\"status-detail\"", "paused by the canary: 3 of its first 10 recipients",
                "id=\"resume\"");
    }
}
