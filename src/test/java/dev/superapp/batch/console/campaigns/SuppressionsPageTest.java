package dev.superapp.batch.console.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.Suppression;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The suppression list page: marketing lists and searches, adds by upload (who and why kept), removes; finance may not. */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
@AutoConfigureMockMvc
class SuppressionsPageTest {

    @TempDir
    static Path uploads;

    @Autowired MockMvc mvc;
    @Autowired SuppressionList suppressions;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("console.upload-dir", () -> uploads.toString());
    }

    @Test
    void marketingAddsAFileWithItsReasonAndSeesWhoAndWhenThenSearchesAndRemoves() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "optout.csv", "text/csv",
                "open_id\r\nsp-page-1\r\nsp-page-2\r\nsp-page-1\r\n".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/suppressions").file(file).param("reason", "unsubscribed by mail")
                        .with(user("mia").roles("MARKETING")).with(csrf()))
                .andExpect(redirectedUrl("/suppressions"))
                .andExpect(flash().attribute("notice", "added 2 open_id to the suppression list (0 already on it)"));

        assertThat(suppressions.list("sp-page-", 10)).extracting(Suppression::recipientId, Suppression::kind,
                        Suppression::reason, Suppression::addedBy)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("sp-page-1", RecipientIdKind.OPEN_ID, "unsubscribed by mail", "mia"),
                        org.assertj.core.groups.Tuple.tuple("sp-page-2", RecipientIdKind.OPEN_ID, "unsubscribed by mail", "mia"));
        try (var left = Files.list(uploads)) {
            assertThat(left).as("the upload is deleted once read").isEmpty();
        }
        String page = mvc.perform(get("/suppressions").param("search", "SP-PAGE-2").with(user("mia").roles("MARKETING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"suppressed-sp-page-2\"", "unsubscribed by mail", "mia", " UTC")
                .doesNotContain("id=\"suppressed-sp-page-1\"");

        mvc.perform(post("/suppressions/remove").param("id", "sp-page-2").with(user("mia").roles("MARKETING")).with(csrf()))
                .andExpect(flash().attribute("notice", "removed sp-page-2 (open_id)"));
        assertThat(suppressions.list("sp-page-", 10)).extracting(Suppression::recipientId).containsExactly("sp-page-1");
    }

    @Test
    void aFileWithABadLineAddsNothingAndSaysWhichLine() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "bad.csv", "text/csv",
                "unique_id\nsp-bad-1\nhas space\n".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/suppressions").file(file).param("reason", "gone")
                        .with(user("mia").roles("MARKETING")).with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("line 3"), org.hamcrest.Matchers.containsString("nothing was added"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(uploads.toString())))));

        assertThat(suppressions.list("sp-bad-", 10)).isEmpty();
    }

    @Test
    void aFormWithoutAFileSaysToChooseOneAndAddsNothing() throws Exception {
        long before = suppressions.count();

        mvc.perform(post("/suppressions").param("reason", "unsubscribed").with(user("mia").roles("MARKETING")).with(csrf()))
                .andExpect(redirectedUrl("/suppressions"))
                .andExpect(flash().attribute("problem", "choose a CSV file with a header open_id or unique_id"));
        assertThat(suppressions.count()).isEqualTo(before);
    }

    @Test
    void financeMayNotSeeOrChangeTheList() throws Exception {
        suppressions.add(RecipientIdKind.UNIQUE_ID, List.of("sp-fin-1"), "gone", "ada");

        mvc.perform(get("/suppressions").with(user("fiona").roles("FINANCE"))).andExpect(status().isForbidden());
        mvc.perform(post("/suppressions/remove").param("id", "sp-fin-1").with(user("fiona").roles("FINANCE")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(suppressions.list("sp-fin-1", 10)).hasSize(1);
    }
}
