package dev.superapp.batch.console.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.sandbox.Fault;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The campaign page's Resend: offered to marketing on a finished campaign with UNKNOWN or FAILED recipients, each
 * button confirming how many recipients in which states it sends; sent by the cluster as a recorded attempt of the
 * signed-in user. Finance cannot.
 */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
        "spring.quartz.auto-startup=true"})
@AutoConfigureMockMvc
class CampaignResendPageTest {

    private static final RequestPostProcessor MARKETING = user("mark").roles("MARKETING");
    private static final RequestPostProcessor FINANCE = user("fiona").roles("FINANCE");

    @TempDir static Path reportsDir;
    @TempDir Path dir;

    @Autowired MockMvc mvc;
    @Autowired CampaignLauncher launcher;
    @Autowired CampaignDefinitionParser parser;
    @Autowired CampaignStore store;
    @Autowired RecipientStore recipients;
    @Autowired JdbcClient jdbc;

    private final SandboxPlatform sandbox = TestSandbox.platform();
    private final String prefix = "w" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("reports.dir", () -> reportsDir.toString());
    }

    @Test
    void marketingConfirmsHowManyUnknownRecipientsAreSentAgainAndFinanceCannot() throws Exception {
        AudienceFiles.write(dir, "open_id", prefix, 100);
        sandbox.clearQueuedFaults();
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.BAD_GATEWAY_AFTER_ACTING);
        PushRun first = launcher.push(parser.parse(AudienceFiles.campaign(dir, prefix + "page", """
                campaign: %spage
                channel: notify
                audience: %saudience.csv
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "1", language: en_US}
                """.formatted(prefix, prefix))));
        String campaign = first.campaignId();
        String page = "/campaigns/" + campaign;

        String shown = mvc.perform(get(page).with(MARKETING)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(shown).contains("id=\"resend-UNKNOWN\"", ">Resend to 50 UNKNOWN recipients<",
                "data-confirm=\"Send this campaign again to 50 UNKNOWN recipients? Nobody else is sent anything.\"");
        assertThat(shown).doesNotContain("resend-FAILED");
        mvc.perform(get(page).with(FINANCE)).andExpect(status().isForbidden());
        mvc.perform(post(page + "/resend").param("states", "UNKNOWN").param("recipients", "50").with(FINANCE).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/resend").param("states", "SENT").param("recipients", "50").with(MARKETING).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("problem", "only FAILED or UNKNOWN recipients can be sent again; 'SENT' is not one of them"));
        // A count that is not the one the page showed: the person confirmed something else.
        mvc.perform(post(page + "/resend").param("states", "UNKNOWN").param("recipients", "49").with(MARKETING).with(csrf()))
                .andExpect(redirectedUrl(page)).andExpect(flash().attribute("problem", "campaign " + campaign
                        + " now has 50 UNKNOWN recipient(s), not 49 as confirmed; nothing was sent, confirm again"));
        assertThat(resends(campaign)).isZero();

        mvc.perform(post(page + "/resend").param("states", "UNKNOWN").param("recipients", "50").with(MARKETING).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("notice", "Sending 50 UNKNOWN recipient(s) again, as attempt 2."));

        await().atMost(Duration.ofSeconds(60)).until(() -> store.status(campaign) == CampaignStatus.FINISHED
                && recipients.countByState(campaign).get(RecipientState.SENT) == 100L);
        assertThat(jdbc.sql("SELECT requested_by FROM campaign_resend WHERE campaign_id = ?").param(campaign)
                .query(String.class).single()).isEqualTo("console:mark");
        await().atMost(Duration.ofSeconds(60)).until(() -> launcher.lastRun(campaign).orElseThrow().report() != null
                && launcher.lastRun(campaign).orElseThrow().executionId() != first.executionId());
        String after = mvc.perform(get(page).with(MARKETING)).andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain("id=\"resend-").contains("id=\"resends\"", "<td>console:mark</td>",
                "<td class=\"number\">50</td>", "<td>UNKNOWN</td>");
    }

    private long resends(String campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_resend WHERE campaign_id = ?").param(campaignId)
                .query(Long.class).single();
    }
}
