package dev.superapp.batch.console.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With SuperApp configured and the card form not, the form and the preview of a card-form campaign say which
 * setting is missing before anything is scheduled; the SuperApp channels say nothing.
 */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
@AutoConfigureMockMvc
class UnconfiguredChannelWarningTest {

    private static final String MISSING = "cardform.base-url is not set (CARDFORM_BASE_URL)";

    @TempDir static Path uploads;

    @Autowired MockMvc mvc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        registry.add("superapp.base-url", () -> TestSandbox.server().baseUrl());
        registry.add("superapp.app-id", () -> TestSandbox.APP_ID);
        registry.add("superapp.secret", () -> TestSandbox.SECRET);
        registry.add("console.upload-dir", uploads::toString);
    }

    @Test
    void theFormOfAnUnconfiguredChannelSaysWhatIsMissing() throws Exception {
        assertThat(page("/campaigns/new?channel=cardform")).contains("id=\"channel-not-configured\"",
                "The cardform channel is not configured, so nothing can be sent on it yet: " + MISSING);
        assertThat(page("/campaigns/new?channel=notify")).doesNotContain("channel-not-configured");
    }

    @Test
    void thePreviewOfACampaignOnAnUnconfiguredChannelSaysWhatIsMissingBeforeItIsScheduled() throws Exception {
        mvc.perform(multipart("/campaigns/new")
                        .file(new MockMultipartFile("audience", "cards.csv", "text/csv", "unique_id\nc1\n".getBytes(StandardCharsets.UTF_8)))
                        .param("channel", "cardform").param("campaign", "warn-card")
                        .param("rows.text.key", "imageUrl", "clickUrl")
                        .param("rows.text.value", "https://cdn.example/card.jpg", "https://shop.example/sale")
                        .with(user("mark").roles("MARKETING")).with(csrf()))
                .andExpect(redirectedUrl("/campaigns/warn-card"));

        assertThat(page("/campaigns/warn-card")).contains("id=\"campaign-status\"", "REGISTERED",
                "The cardform channel is not configured, so this campaign cannot be sent yet: " + MISSING);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("mark").roles("MARKETING"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
