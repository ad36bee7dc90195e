package dev.superapp.batch.console.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.runs.RealRuns;
import dev.superapp.batch.runs.Run;
import dev.superapp.batch.runs.RunHistory;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The Runs pages and the progress JSON over real executions of the real jobs (issue 6, Runs). */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
        "reconciliation.chunk-size=5", "reconciliation.poll-interval=150ms"})
@AutoConfigureMockMvc
class RunsPagesTest {

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired MockMvc mvc;
    @Autowired ReconciliationLauncher reconciliations;
    @Autowired CampaignLauncher campaigns;
    @Autowired RecipientStore campaignStore;
    @Autowired JdbcClient jdbc;
    @Autowired RunHistory history;

    RealRuns runs;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("reports.dir", () -> reportsDir.toString());
    }

    @BeforeEach
    void realRuns() {
        runs = new RealRuns(reconciliations, campaigns, jdbc);
        runs.emptyOrderBook();
    }

    @Test
    void listsARealReconciliationWithItsBusinessDateNodeAndCounts() throws Exception {
        ReconciliationRun run = runs.reconcile(3, 0);

        String page = html(get("/runs").with(user("fiona").roles("FINANCE")));

        assertThat(page).contains("id=\"run-" + run.executionId() + "\"")
                .contains("href=\"/runs/" + run.executionId() + "\"")
                .contains("reconciliationJob", "COMPLETED")
                .doesNotContain("<th>Progress</th>", "<th class=\"number\">Read</th>");
        String row = page.substring(page.indexOf("id=\"run-" + run.executionId() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(">business date " + RealRuns.BUSINESS_DATE + "</span>")
                .contains("<td class=\"counts\">3 orders reconciled</td>")
                .doesNotContain("data-poll");
    }

    @Test
    void aCampaignRunSaysWhatItWasForAndCountsLinesAndRequests() throws Exception {
        // 120 recipients on 125 lines (3 invalid, 2 duplicate), in requests of 50.
        PushRun run = runs.push(dir, "counted", 120);

        String page = html(get("/runs").with(user("mark").roles("MARKETING")));

        String row = page.substring(page.indexOf("id=\"run-" + run.executionId() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(">campaign " + run.campaignId() + "</span>")
                .contains("<td class=\"counts\">125 lines staged, 3 requests sent</td>");
        assertThat(html(get("/runs/" + run.executionId()).with(user("mark").roles("MARKETING"))))
                .contains("125 lines staged, 3 requests sent");
    }

    @Test
    void aPausedCampaignRunSaysWhoPausedItAndWhenInsteadOfAnException() throws Exception {
        PushRun run = runs.push(dir, "paused", 3);
        // As a pause leaves a run (CampaignControlContract pauses a real send): the execution STOPPED with Spring
        // Batch's exception, and the campaign's PAUSE recorded, by mark, while it ran.
        jdbc.sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STOPPED', EXIT_MESSAGE = ? WHERE JOB_EXECUTION_ID = ?")
                .params("org.springframework.batch.core.job.JobInterruptedException: Job interrupted by step execution",
                        run.executionId()).update();
        LocalDateTime start = jdbc.sql("SELECT START_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
                .param(run.executionId()).query(LocalDateTime.class).single();
        LocalDateTime pausedAt = start;
        jdbc.sql("INSERT INTO campaign_move (campaign_id, move, status, moved_by, moved_at) VALUES (?, 'PAUSE', 'PAUSING', 'mark', ?)")
                .params(run.campaignId(), pausedAt.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime())
                .update();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(pausedAt);

        String detail = html(get("/runs/" + run.executionId()).with(user("mark").roles("MARKETING")));
        String list = html(get("/runs").with(user("mark").roles("MARKETING")));

        assertThat(detail).contains("id=\"stop-reason\">Paused by mark at " + when
                + "; resume it from the campaign page to send the rest.</p>").doesNotContain("JobInterruptedException");
        assertThat(list).contains("paused by mark at " + when);
    }

    @Test
    void aRunningExecutionHasALiveProgressBarOnTheListAndItsPage() throws Exception {
        runs.addOrders("slow", 30, 1);
        long before = history.recent(1).stream().mapToLong(Run::executionId).findFirst().orElse(0);
        CompletableFuture<ReconciliationRun> running = CompletableFuture.supplyAsync(runs::reconcile);
        Run run = await(() -> history.recent(1).stream().filter(r -> r.executionId() > before && r.running()).findFirst());

        String list = html(get("/runs").with(user("fiona").roles("FINANCE")));
        String detail = html(get("/runs/" + run.executionId()).with(user("fiona").roles("FINANCE")));

        String poll = "data-poll=\"/api/runs/" + run.executionId() + "/progress\"";
        assertThat(list).contains(poll).contains("data-field=\"percent\"");
        assertThat(detail).contains(poll).contains("id=\"progress\"");
        assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(html(get("/runs/" + run.executionId()).with(user("fiona").roles("FINANCE")))).doesNotContain(poll);
    }

    @Test
    void pagesOlderExecutionsByExecutionId() throws Exception {
        ReconciliationRun older = runs.reconcile(1, 0);
        ReconciliationRun newer = runs.reconcile();

        String page = html(get("/runs").param("before", String.valueOf(newer.executionId()))
                .with(user("fiona").roles("FINANCE")));

        assertThat(page).contains("id=\"run-" + older.executionId() + "\"")
                .doesNotContain("id=\"run-" + newer.executionId() + "\"")
                .contains("href=\"/runs\"");
    }

    @Test
    void eachRoleListsOpensAndPollsOnlyItsOwnRuns() throws Exception {
        ReconciliationRun reconciliation = runs.reconcile(1, 0);
        PushRun campaign = runs.push(dir, "mine", 3);

        String marketing = html(get("/runs").with(user("mark").roles("MARKETING")));
        String finance = html(get("/runs").with(user("fiona").roles("FINANCE")));
        String admin = html(get("/runs").with(user("ada").roles("ADMIN")));

        assertThat(marketing).contains(runRow(campaign.executionId())).doesNotContain(runRow(reconciliation.executionId()));
        assertThat(finance).contains(runRow(reconciliation.executionId())).doesNotContain(runRow(campaign.executionId()));
        assertThat(admin).contains(runRow(reconciliation.executionId()), runRow(campaign.executionId()));
        mvc.perform(get("/runs/" + campaign.executionId()).with(user("fiona").roles("FINANCE"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/" + reconciliation.executionId() + "/progress").with(user("mark").roles("MARKETING")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/" + campaign.executionId() + "/progress").with(user("fiona").roles("FINANCE")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/" + campaign.executionId() + "/progress").with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk());
    }

    @Test
    void onlyAnAdminReadsAFailuresWholeExitDescription() throws Exception {
        PushRun run = runs.pushWithoutAudience(dir, "lines");
        String whole = jdbc.sql("SELECT EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
                .param(run.executionId()).query(String.class).single();
        assertThat(whole).as("a stack trace of many lines").contains("\n\tat ");

        String marketing = html(get("/runs/" + run.executionId()).with(user("mark").roles("MARKETING")));
        String admin = html(get("/runs/" + run.executionId()).with(user("ada").roles("ADMIN")));

        assertThat(marketing).contains("-missing.csv").doesNotContain("\tat ");
        assertThat(admin).contains("-missing.csv").contains("\tat ");
    }

    private static String runRow(long executionId) {
        return "id=\"run-" + executionId + "\"";
    }

    @Test
    void detailOfAFailedCampaignShowsItsStepsTheFailureAndWhereToLook() throws Exception {
        PushRun run = runs.pushWithoutAudience(dir, "gone");
        assertThat(run.status()).isEqualTo(BatchStatus.FAILED);

        String page = html(get("/runs/" + run.executionId()).with(user("mark").roles("MARKETING")));

        assertThat(page).contains("campaignJob", "FAILED", run.campaignId());
        assertThat(page).contains("id=\"step-stageAudienceStep\"").doesNotContain("id=\"step-sendPushesStep\"");
        assertThat(page).contains("id=\"exit-description\"").contains("-missing.csv");
        assertThat(page).contains("href=\"/campaigns/" + run.campaignId() + "\"")
                .contains("href=\"/reports/campaigns/" + run.campaignId() + "\"");
    }

    @Test
    void detailOfAReconciliationLinksItsReportAndIsNotFoundForMarketing() throws Exception {
        ReconciliationRun run = runs.reconcile(2, 0);

        String finance = html(get("/runs/" + run.executionId()).with(user("fiona").roles("FINANCE")));

        assertThat(finance).contains("href=\"/reports/reconciliation/" + run.executionId() + "\"")
                .contains("id=\"step-reconcileOrdersStep\"", "id=\"step-writeReportStep\"", "businessDate");
        mvc.perform(get("/runs/" + run.executionId()).with(user("mark").roles("MARKETING"))).andExpect(status().isNotFound());
    }

    @Test
    void progressOfACampaignCountsItsRecipientsAsTheDatabaseHasThem() throws Exception {
        PushRun run = runs.push(dir, "spring", 120);
        Map<RecipientState, Long> counts = campaignStore.countByState(run.campaignId());

        mvc.perform(get("/api/runs/" + run.executionId() + "/progress").with(user("mark").roles("MARKETING"))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.executionId").value(run.executionId()))
                .andExpect(jsonPath("$.job").value("campaignJob"))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.running").value(false))
                .andExpect(jsonPath("$.done").value(counts.get(RecipientState.SENT)))
                .andExpect(jsonPath("$.done").value(120))
                .andExpect(jsonPath("$.total").value(120))
                .andExpect(jsonPath("$.percent").value(100))
                .andExpect(jsonPath("$.errors").value(0))
                .andExpect(jsonPath("$.ratePerSecond").isNumber())
                .andExpect(jsonPath("$.elapsedSeconds").isNumber());
    }

    @Test
    void progressOfAReconciliationCountsTheOrdersItWroteAndItsErrors() throws Exception {
        ReconciliationRun run = runs.reconcile(4, 1);
        long written = jdbc.sql("SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = 'reconcileOrdersStep'")
                .param(run.executionId()).query(Long.class).single();
        long errors = jdbc.sql("SELECT COUNT(*) FROM reconciliation_result WHERE job_execution_id = ? AND outcome = 'ERROR'")
                .param(run.executionId()).query(Long.class).single();

        mvc.perform(get("/api/runs/" + run.executionId() + "/progress").with(user("fiona").roles("FINANCE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.job").value("reconciliationJob"))
                .andExpect(jsonPath("$.running").value(false))
                .andExpect(jsonPath("$.done").value(written))
                .andExpect(jsonPath("$.done").value(5))
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.errors").value(errors))
                .andExpect(jsonPath("$.errors").value(1))
                .andExpect(jsonPath("$.percent").value(100));
    }

    @Test
    void unknownExecutionsAreNotFound() throws Exception {
        mvc.perform(get("/runs/987654").with(user("fiona").roles("FINANCE")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/987654/progress").with(user("fiona").roles("FINANCE")).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound());
    }

    @Test
    void runsNeedASignedInUser() throws Exception {
        mvc.perform(get("/runs")).andExpect(status().is3xxRedirection());
        // The progress poller of a page whose session ended is told so, not sent to the sign-in page.
        mvc.perform(get("/api/runs/1/progress")).andExpect(status().isUnauthorized());
    }

    private static <T> T await(Supplier<Optional<T>> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(condition::get, Optional::isPresent).orElseThrow();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
