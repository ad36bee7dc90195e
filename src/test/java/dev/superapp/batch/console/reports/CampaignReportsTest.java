package dev.superapp.batch.console.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The campaign delivery reports over a real push to the sandbox: marketing and finance both read them. */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
@AutoConfigureMockMvc
class CampaignReportsTest {

    static final RequestPostProcessor MARKETING = user("mark").roles("MARKETING");
    static final RequestPostProcessor FINANCE = user("fiona").roles("FINANCE");

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired MockMvc mvc;
    @Autowired CampaignLauncher launcher;
    @Autowired CampaignDefinitionParser parser;
    @Autowired CampaignLifecycle store;

    final String prefix = "p" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("reports.dir", () -> reportsDir.toString());
    }

    @Test
    void marketingAndFinanceSeeCampaignsWithTheirCountsAndRowsByState() throws Exception {
        PushRun run = push(prefix + "spring");

        for (RequestPostProcessor reader : List.of(MARKETING, FINANCE)) {
            String list = mvc.perform(get("/reports/campaigns").with(reader)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(list).contains("href=\"/reports/campaigns/" + run.campaignId() + "\"", "INVALID 3 · DUPLICATE 2 · SENT 60");
            // The newest campaign is the chart's rightmost bar, delivered recipients at the bottom.
            List<Bar> bars = bars(list);
            assertThat(bars.get(bars.size() - 1).label()).startsWith("Campaign " + run.campaignId() + " of ")
                    .endsWith(": SENT 60, INVALID 3, DUPLICATE 2.");
            assertThat(bars.get(bars.size() - 1).segments()).containsExactly("SENT 60", "INVALID 3", "DUPLICATE 2");
        }
        String invalid = mvc.perform(get("/reports/campaigns/" + run.campaignId()).param("state", "INVALID").with(MARKETING))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rows(invalid)).isEqualTo(3);
        assertThat(invalid).contains("has space").doesNotContain(prefix + "0001");

        String all = mvc.perform(get("/reports/campaigns/" + run.campaignId()).with(FINANCE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rows(all)).isEqualTo(65);
        assertThat(all).contains("href=\"/reports/campaigns/" + run.campaignId() + "/report.csv\"");

        mvc.perform(get("/reports/campaigns/" + run.campaignId()).param("state", "sent' --").with(FINANCE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("There is no recipient state")));
    }

    @Test
    void chartsTheNewestThirtyCampaignsOneBarEachWithTheirCountsPerState() throws Exception {
        PushRun pushed = push(prefix + "charted");
        for (int i = 1; i <= 31; i++) {
            store.register(parser.parse(campaign(prefix + "waiting-" + i)));
        }

        String page = mvc.perform(get("/reports/campaigns").with(MARKETING)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String older = mvc.perform(get("/reports/campaigns").param("page", "1").with(FINANCE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        List<Bar> bars = bars(page);
        assertThat(bars).hasSize(30);
        assertThat(bars(older)).as("the chart shows the newest campaigns on every page").isEqualTo(bars);
        // The pushed campaign is now the 32nd newest: off the chart, while registered ones have empty bars.
        assertThat(bars).noneMatch(bar -> bar.label().startsWith("Campaign " + pushed.campaignId() + " "));
        assertThat(bars).allSatisfy(bar -> assertThat(bar.segments()).isEmpty());
        assertThat(bars.get(bars.size() - 1).label()).startsWith("Campaign " + prefix + "waiting-").endsWith(": no recipients.");
        assertThat(page).contains("<title id=\"chart-title\">Recipients per state of the last 30 campaigns, oldest on the left</title>");
    }

    @Test
    void pagesThroughRecipientsByLineAHundredAtATime() throws Exception {
        PushRun run = push(prefix + "paged", 150);
        String first = mvc.perform(get("/reports/campaigns/" + run.campaignId()).with(MARKETING))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher next = Pattern.compile("id=\"next-rows\"\\s+href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).as("a link to the next rows").isTrue();

        String second = mvc.perform(get(next.group(1).replace("&amp;", "&")).with(MARKETING))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(rows(first)).isEqualTo(100);
        assertThat(rows(second)).isEqualTo(155 - 100);
        assertThat(second).doesNotContain("id=\"next-rows\"").contains(prefix + "0150");
        assertThat(first).doesNotContain(prefix + "0150");
    }

    @Test
    void downloadsTheDeliveryReportAsAnAttachment() throws Exception {
        PushRun run = push(prefix + "download");

        mvc.perform(get("/reports/campaigns/" + run.campaignId() + "/report.csv").with(MARKETING))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"campaign-" + run.campaignId() + "-" + run.executionId() + ".csv\""))
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(content().bytes(Files.readAllBytes(run.report())));
    }

    @Test
    void campaignNotYetRunSaysSoAndOddIdsAreNoCampaign() throws Exception {
        String campaignId = prefix + "later";
        store.register(parser.parse(campaign(campaignId)));

        String page = mvc.perform(get("/reports/campaigns/" + campaignId).with(MARKETING))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("has not started").doesNotContain("report.csv");
        mvc.perform(get("/reports/campaigns/" + campaignId + "/report.csv").with(MARKETING)).andExpect(status().isNotFound());
        for (String odd : List.of("no-such-campaign", "a.b", "x".repeat(65), "été")) {
            mvc.perform(get("/reports/campaigns/" + odd).with(MARKETING)).andExpect(status().isNotFound());
            mvc.perform(get("/reports/campaigns/" + odd + "/report.csv").with(MARKETING)).andExpect(status().isNotFound());
        }
        // A dot segment or an encoded slash never gets past Spring Security's firewall (400), let alone to a file.
        for (String traversal : List.of("..", "..%2F..%2Fetc")) {
            mvc.perform(get("/reports/campaigns/" + traversal + "/report.csv").with(MARKETING)).andExpect(status().isBadRequest());
        }
    }

    private PushRun push(String campaignId) {
        return push(campaignId, 60);
    }

    private PushRun push(String campaignId, int recipients) {
        PushRun run = launcher.push(parser.parse(campaign(campaignId, recipients)));
        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        return run;
    }

    private Path campaign(String campaignId) {
        return campaign(campaignId, 60);
    }

    /** An activity campaign to {@code recipients}, plus 3 invalid lines and 2 duplicates (see {@link AudienceFiles}). */
    private Path campaign(String campaignId, int recipients) {
        AudienceFiles.write(dir, "open_id", prefix, recipients);
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: activity
                audience: %saudience.csv
                activity: {activityId: %sactivity, templateId: "1", color: FFFFFF, title: Sale, text: 20%% off,
                           iconUrl: "https://cdn.example/i.png", validityTime: 86400, status: 1, language: en_US}
                """.formatted(campaignId, prefix, campaignId));
    }

    /** A chart bar as drawn: its tooltip and its segments bottom up, as {@code STATE count}. */
    private record Bar(String label, List<String> segments) {
    }

    private static List<Bar> bars(String page) {
        Pattern segment = Pattern.compile("data-state=\"(\\w+)\" data-recipients=\"(\\d+)\"");
        return Pattern.compile("<g class=\"bar\">\\s*<title>([^<]*)</title>(.*?)</g>", Pattern.DOTALL).matcher(page)
                .results()
                .map(bar -> new Bar(bar.group(1), segment.matcher(bar.group(2)).results()
                        .map(s -> s.group(1) + " " + s.group(2)).toList()))
                .toList();
    }

    private static long rows(String page) {
        return Pattern.compile("<tr class=\"recipient\">").matcher(page).results().count();
    }
}
