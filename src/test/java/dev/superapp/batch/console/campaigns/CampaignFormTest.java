package dev.superapp.batch.console.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.campaign.AudiencePreview;
import dev.superapp.batch.campaign.AudienceStaging;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.DefinitionJson;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The campaign form's rules: the definition's own validation, what uploads are accepted and where they go. */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
        "console.max-upload-size=2KB"})
@AutoConfigureMockMvc
class CampaignFormTest {

    @TempDir static Path uploads;

    @Autowired MockMvc mvc;
    @Autowired CampaignStore store;
    @Autowired AudienceStaging staging;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("console.upload-dir", uploads::toString);
    }

    @Test
    void aValidFormRegistersTheCampaignUnderGeneratedFileNamesAndPreviewsItsAudience() throws Exception {
        mvc.perform(notify("form-ok", audience("my audience.csv", "open_id\nu1\nu2\nbad id\nu1\n")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/campaigns/form-ok"));

        assertThat(store.find("form-ok")).isPresent();
        try (Stream<Path> files = Files.list(uploads)) {
            List<String> names = files.map(path -> path.getFileName().toString()).toList();
            assertThat(names).noneMatch(name -> name.contains("my audience"));
            assertThat(names).anyMatch(name -> name.matches("[0-9a-f-]{36}\\.csv"));
        }
        // The form is validated and registered in memory: no definition file is written to be read back.
        assertThat(uploads.resolve("definitions")).doesNotExist();
        AudiencePreview preview = awaitStaged("form-ok");
        assertThat(preview.valid()).isEqualTo(2);
        assertThat(preview.invalid()).isEqualTo(1);
        assertThat(preview.duplicate()).isEqualTo(1);
        assertThat(preview.firstProblems()).extracting(r -> r.lineNo()).containsExactly(4L, 5L);

        String page = mvc.perform(get("/campaigns/form-ok").with(marketing())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"count-valid\">2<", "id=\"count-invalid\">1<", "id=\"count-duplicate\">1<",
                "duplicate of line 2", "id=\"send-now\"");
    }

    @Test
    void theEndTimeIsTypedInTheChosenZoneAndOnceItHasPassedThePageOffersNoSendAndAPlanIsRefused() throws Exception {
        LocalDateTime soonInRiyadh = LocalDateTime.now(ZoneId.of("Asia/Riyadh")).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        mvc.perform(notify("form-ends", audience("a.csv", "open_id\nu1\n"))
                        .param("timeZone", "Asia/Riyadh").param("notAfter", soonInRiyadh.toString()))
                .andExpect(redirectedUrl("/campaigns/form-ends"));

        OffsetDateTime notAfter = store.find("form-ends").orElseThrow().definition().notAfter();
        assertThat(notAfter).isEqualTo(soonInRiyadh.atOffset(ZoneOffset.ofHours(3)));
        awaitStaged("form-ends");
        String before = page("form-ends");
        assertThat(before).contains("nothing is sent after <span id=\"not-after\">" + soonInRiyadh.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                + " AST (+03:00)</span>",
                "id=\"send-now\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> OffsetDateTime.now().isAfter(notAfter));

        assertThat(page("form-ends")).contains("id=\"ended\"").doesNotContain("id=\"send-now\"");
        mvc.perform(post("/campaigns/form-ends/send").with(marketing()).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("would send nothing")));
        assertThat(store.status("form-ends")).isEqualTo(CampaignStatus.REGISTERED);
    }

    @Test
    void theFormIsValidatedLikeAYamlDefinitionAndNothingIsKept() throws Exception {
        String page = mvc.perform(multipart("/campaigns/new").file(audience("a.csv", "openId\nu1\n"))
                        .param("channel", "notify").param("campaign", "form-bad")
                        .param("field.notifyType", "one").param("field.navigateType", "2")
                        .with(marketing()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The campaign was not created: 6 things to fix, shown next to their fields.");
        assertThat(fieldProblem(page, "notifyType")).isEqualTo("Must be 1 (plain text), the only message type sendNotify has, not &#39;one&#39;");
        assertThat(fieldProblem(page, "title")).isEqualTo("Required: sendNotify needs a value");
        assertThat(fieldProblem(page, "url")).isEqualTo("Required: sendNotify needs it when navigateType is 2");
        assertThat(fieldProblem(page, "audience")).startsWith("&#39;a.csv&#39;: line 1: the header has no column open_id");
        assertThat(store.find("form-bad")).isEmpty();
        assertThat(Files.exists(uploads) ? listed(uploads) : List.<String>of()).noneMatch(name -> name.endsWith(".csv")
                && contentIs(uploads.resolve(name), "openId\nu1\n"));
    }

    @Test
    void aCardFormTakesItsMaterialAndLabelsAsRowsOfNameAndValue() throws Exception {
        mvc.perform(multipart("/campaigns/new").file(audience("cards.csv", "unique_id\nc1\nc2\n"))
                        .param("channel", "cardform").param("campaign", "form-card")
                        .param("rows.text.key", "imageUrl", "clickUrl", "")
                        .param("rows.text.value", "https://cdn.example/card.jpg", "https://shop.example/sale", "")
                        .param("field.keyword", "sale")
                        .param("rows.labels.key", "country", " tier ").param("rows.labels.value", "406", " gold ")
                        .with(marketing()).with(csrf()))
                .andExpect(redirectedUrl("/campaigns/form-card"));

        String definition = DefinitionJson.write(store.find("form-card").orElseThrow().definition());
        assertThat(definition).contains("\"text\":{\"imageUrl\":\"https://cdn.example/card.jpg\",\"clickUrl\":\"https://shop.example/sale\"}",
                "\"keyword\":\"sale\"",
                "{\"labelName\":\"country\",\"labelValue\":\"406\"}", "{\"labelName\":\"tier\",\"labelValue\":\"gold\"}");
        String copy = mvc.perform(get("/campaigns/new").param("from", "form-card").with(marketing()))
                .andReturn().getResponse().getContentAsString();
        assertThat(copy).as("a duplicate has the same rows").contains("id=\"campaign\" value=\"form-card-2\"",
                "value=\"clickUrl\"", "value=\"https://shop.example/sale\"", "value=\"tier\"", "value=\"gold\"");

        String page = mvc.perform(multipart("/campaigns/new").file(audience("cards.csv", "unique_id\nc1\n"))
                        .param("channel", "cardform").param("campaign", "form-card-bad")
                        .param("rows.text.key", "imageUrl", "", "imageUrl")
                        .param("rows.text.value", "https://cdn.example/a.jpg", "https://cdn.example/b.jpg", "x")
                        .param("rows.labels.key", "country").param("rows.labels.value", "")
                        .with(marketing()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fieldProblems(page, "text")).containsExactly("Row 2 has a value but no name",
                "Row 3 repeats imageUrl; give each name one row");
        assertThat(fieldProblem(page, "labels")).isEqualTo("Row 1, labelValue: required: every label needs a value");
        assertThat(page).as("the rows typed are shown again").contains("value=\"https://cdn.example/b.jpg\"");
        assertThat(store.find("form-card-bad")).isEmpty();
    }

    @Test
    void anActivityIsCheckedAgainstTheSeedBeforeItIsSaved() throws Exception {
        String page = mvc.perform(multipart("/campaigns/new").file(audience("a.csv", "open_id\nu1\n"))
                        .param("channel", "activity").param("campaign", "form-seed")
                        .param("field.activityId", "spring sale").param("field.templateId", "1;2")
                        .param("field.title", "Sale").param("field.text", "Half price")
                        .param("field.iconUrl", "http://cdn.example/i.png").param("field.color", "#FFF")
                        .param("field.validityTime", "3600").param("field.status", "1").param("field.language", "fr_FR")
                        .with(marketing()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fieldProblem(page, "activityId")).isEqualTo("Must be 1 to 64 of A-Z a-z 0-9 _ -, not &#39;spring sale&#39;");
        assertThat(fieldProblem(page, "templateId")).isEqualTo("Must be 1 to 64 of A-Z a-z 0-9 _ -, not &#39;1;2&#39;");
        assertThat(fieldProblem(page, "iconUrl")).isEqualTo("Must be an https:// address, not &#39;http://cdn.example/i.png&#39;");
        assertThat(fieldProblem(page, "color")).isEqualTo("Must be 6 hex digits, such as FFFFFF, not &#39;#FFF&#39;");
        assertThat(fieldProblem(page, "language")).isEqualTo("Must be zh_CN, en_US or ar_SA, not &#39;fr_FR&#39;");
        assertThat(store.find("form-seed")).isEmpty();
    }

    @Test
    void choicesAreNamedAsTheSeedMeansThem() throws Exception {
        String activity = mvc.perform(get("/campaigns/new").param("channel", "activity").with(marketing()))
                .andReturn().getResponse().getContentAsString();
        String notify = mvc.perform(get("/campaigns/new").param("channel", "notify").with(marketing()))
                .andReturn().getResponse().getContentAsString();

        assertThat(activity).contains("<option value=\"1\">Show the card (1)</option>", "<option value=\"0\">Remove the card (0)</option>")
                .doesNotContain("YAML");
        assertThat(notify).contains("<option value=\"1\">Open the mini app (1)</option>",
                "<option value=\"2\">Open the web address (2)</option>", "<option value=\"1\">Plain text (1)</option>");
    }

    @Test
    void takesExcelUnicodeTextAndCountsAnEmptyQuotedIdAsInvalid() throws Exception {
        byte[] unicodeText = "\uFEFFname\topen_id\r\nZoë\tu1\r\nAnn\t\"\"\r\nBo\tu2\r\n".getBytes(StandardCharsets.UTF_16LE);
        mvc.perform(notify("form-utf16", new MockMultipartFile("audience", "audience.txt", "text/plain", unicodeText)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/campaigns/form-utf16"));

        AudiencePreview preview = awaitStaged("form-utf16");
        assertThat(preview.valid()).isEqualTo(2);
        assertThat(preview.invalid()).isEqualTo(1);
        assertThat(preview.firstProblems()).extracting(r -> r.lineNo()).containsExactly(3L);
        assertProblem(notify("form-bad16", new MockMultipartFile("audience", "audience.txt", "text/plain",
                new byte[] {(byte) 0xFF, (byte) 0xFE, 'o', 0, 0x00, (byte) 0xDC, 'x', 0})), "not UTF-16LE text");
    }

    @Test
    void refusesFilesThatAreNotTextCsvAndFilesOverTheLimit() throws Exception {
        assertProblem(notify("form-exe", new MockMultipartFile("audience", "audience.exe", "application/octet-stream",
                "openId\nu1\n".getBytes(StandardCharsets.UTF_8))), "the audience must be a .csv or .txt file");
        assertProblem(notify("form-bin", new MockMultipartFile("audience", "audience.csv", "text/csv",
                new byte[] {'o', 'p', 0, 1, 2})), "not a text file");
        assertProblem(notify("form-img", new MockMultipartFile("audience", "audience.csv", "image/png",
                "openId\nu1\n".getBytes(StandardCharsets.UTF_8))), "must be a CSV file, not image/png");
        assertProblem(notify("form-big", audience("big.csv", "openId\n" + "u1\n".repeat(1000))), "larger than the limit");
        assertThat(store.find("form-big")).isEmpty();
    }

    @Test
    void creatingNeedsTheCsrfTokenAndTheMarketingRole() throws Exception {
        MockMultipartHttpServletRequestBuilder withoutToken = multipart("/campaigns/new")
                .file(audience("a.csv", "openId\nu1\n")).param("channel", "notify").param("campaign", "form-csrf");
        mvc.perform(withoutToken.with(marketing())).andExpect(status().isForbidden());
        mvc.perform(notifyRequest("form-role", audience("a.csv", "openId\nu1\n")).with(user("fiona").roles("FINANCE")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(store.find("form-csrf")).isEmpty();
        assertThat(store.find("form-role")).isEmpty();
    }

    @Test
    void anActionTheStatusDoesNotAllowLeadsBackToTheCampaignSayingWhy() throws Exception {
        mvc.perform(notify("form-pause", audience("a.csv", "open_id\nu1\n"))).andExpect(status().is3xxRedirection());
        awaitStaged("form-pause");

        mvc.perform(post("/campaigns/form-pause/pause").with(marketing()).with(csrf()))
                .andExpect(redirectedUrl("/campaigns/form-pause"))
                .andExpect(flash().attribute("problem", "campaign form-pause is not sending; only a sending campaign can be paused"));
        mvc.perform(post("/campaigns/form-pause/pause").with(user("fiona").roles("FINANCE")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCampaignIdFromTheAddressNeverReachesTheFileSystem() throws Exception {
        mvc.perform(get("/campaigns/..%2F..%2Fetc").with(marketing())).andExpect(status().isBadRequest());
        mvc.perform(get("/campaigns/a.b").with(marketing())).andExpect(status().isNotFound());
        mvc.perform(post("/campaigns/no-such-campaign/send").with(marketing()).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void theListCountsWhatBecameOfEachCampaignsRecipientsAndFindsOneByAPartOfItsId() throws Exception {
        mvc.perform(notify("list-a_b", audience("a.csv", "open_id\nu1\nu2\nu3\nu4\nu5\n"))).andExpect(status().is3xxRedirection());
        mvc.perform(notify("list-axb", audience("a.csv", "open_id\nu1\n"))).andExpect(status().is3xxRedirection());
        awaitStaged("list-a_b");
        awaitStaged("list-axb");
        // As the sender would leave them: one sent, one rejected, two failed, one still to send.
        setStates("list-a_b", "SENT", 2, "REJECTED", 3, "FAILED", 4, "FAILED", 5);

        String all = mvc.perform(get("/campaigns").with(marketing())).andReturn().getResponse().getContentAsString();
        String row = row(all, "campaign-list-a_b");
        assertThat(row).contains("data-count=\"sent\">1<", "data-count=\"rejected\">1<", "data-count=\"failed\">2<",
                "data-count=\"open\">1<", "href=\"/campaigns/new?from=list-a_b\"");
        assertThat(row(all, "campaign-list-axb")).contains("data-count=\"sent\">0<", "data-count=\"open\">1<");

        String found = mvc.perform(get("/campaigns").param("q", "a_b").with(marketing())).andReturn().getResponse().getContentAsString();
        assertThat(found).as("_ is a character, not a wildcard").contains("id=\"campaign-list-a_b\"").doesNotContain("id=\"campaign-list-axb\"");
        assertThat(mvc.perform(get("/campaigns").param("q", "nothing-like-it").with(marketing())).andReturn().getResponse()
                .getContentAsString()).contains("No campaign id contains &#39;nothing-like-it&#39;.");
        assertThat(mvc.perform(get("/campaigns").param("q", "50%").with(marketing())).andReturn().getResponse()
                .getContentAsString()).contains("id=\"search-problem\"").doesNotContain("id=\"campaign-list-");
    }

    @Test
    void duplicatingOpensTheFormFilledFromTheCampaignUnderANewIdAndActivityId() throws Exception {
        mvc.perform(multipart("/campaigns/new").file(audience("a.csv", "open_id\nu1\n"))
                        .param("channel", "activity").param("campaign", "dup-sale")
                        .param("field.activityId", "dup-sale").param("field.templateId", "1")
                        .param("field.title", "Winter sale").param("field.text", "Half price")
                        .param("field.iconUrl", "https://cdn.example/i.png").param("field.color", "FF0000")
                        .param("field.validityTime", "3600").param("field.status", "1").param("field.language", "ar_SA")
                        .with(marketing()).with(csrf()))
                .andExpect(redirectedUrl("/campaigns/dup-sale"));

        String form = mvc.perform(get("/campaigns/new").param("from", "dup-sale").with(marketing()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(form).contains("id=\"copied-from\"", "name=\"channel\" value=\"activity\"",
                "id=\"campaign\" value=\"dup-sale-2\"", "<option value=\"ar_SA\" selected=\"selected\">");
        assertThat(form).containsPattern("id=\"field-activityId\"\\s+value=\"dup-sale-2\"")
                .containsPattern("id=\"field-title\"\\s+value=\"Winter sale\"")
                .containsPattern("id=\"field-color\"\\s+value=\"FF0000\"");
        mvc.perform(get("/campaigns/new").param("from", "no-such").with(marketing())).andExpect(status().isNotFound());
    }

    private void setStates(String campaignId, Object... stateAndLine) {
        for (int i = 0; i < stateAndLine.length; i += 2) {
            jdbc.sql("UPDATE campaign_recipient SET state = ? WHERE campaign_id = ? AND line_no = ?")
                    .params(stateAndLine[i], campaignId, stateAndLine[i + 1]).update();
        }
    }

    private static String row(String page, String id) {
        String row = page.substring(page.indexOf("id=\"" + id + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }

    /** The one problem shown next to {@code field}. */
    private static String fieldProblem(String page, String field) {
        List<String> problems = fieldProblems(page, field);
        assertThat(problems).as("problems next to " + field).hasSize(1);
        return problems.get(0);
    }

    private static List<String> fieldProblems(String page, String field) {
        return java.util.regex.Pattern.compile("<span class=\"field-problem\" id=\"problem-" + field + "\">([^<]*)</span>")
                .matcher(page).results().map(match -> match.group(1)).toList();
    }

    private void assertProblem(MockMultipartHttpServletRequestBuilder request, String problem) throws Exception {
        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Under its field the problem starts with a capital.
        assertThat(page).containsIgnoringCase(problem);
    }

    private String page(String campaignId) throws Exception {
        return mvc.perform(get("/campaigns/" + campaignId).with(marketing())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private MockMultipartHttpServletRequestBuilder notify(String campaignId, MockMultipartFile audience) {
        return (MockMultipartHttpServletRequestBuilder) notifyRequest(campaignId, audience).with(marketing()).with(csrf());
    }

    private static MockMultipartHttpServletRequestBuilder notifyRequest(String campaignId, MockMultipartFile audience) {
        return multipart("/campaigns/new").file(audience)
                .param("channel", "notify").param("campaign", campaignId)
                .param("field.notifyType", "1").param("field.title", "Hello").param("field.text", "A message")
                .param("field.navigateType", "1").param("field.language", "en_US");
    }

    private static MockMultipartFile audience(String name, String content) {
        return new MockMultipartFile("audience", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor marketing() {
        return user("mark").roles("MARKETING");
    }

    private AudiencePreview awaitStaged(String campaignId) {
        AudiencePreview preview = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> staging.preview(campaignId), p -> p.staging() != AudiencePreview.Staging.STAGING);
        assertThat(preview.staging()).isEqualTo(AudiencePreview.Staging.STAGED);
        return preview;
    }

    private static List<String> listed(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static boolean contentIs(Path file, String content) {
        try {
            // By bytes: other tests keep uploads that are not UTF-8 (Excel's UTF-16 text).
            return java.util.Arrays.equals(Files.readAllBytes(file), content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
