package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code campaignJob}'s staging step on its own (in a job of just that step, so nothing is sent and
 * staged states stay as staging left them), launched as the command line does: register, then start
 * with the campaign id.
 */
@SpringBootTest(properties = "campaign.staging.chunk-size=100")
abstract class StageAudienceJobContract {

    @Autowired JobOperator jobOperator;
    @Autowired JobRepository jobRepository;
    @Autowired @Qualifier("stageAudienceStep") Step stageAudienceStep;
    @Autowired CampaignDefinitionParser parser;
    @Autowired CampaignStore store;
    @Autowired RecipientStore recipients;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @Test
    void stagesEveryLineAsPendingInvalidOrDuplicateOfItsFirstLine() throws Exception {
        GeneratedAudience audience = new GeneratedAudience(1_500);
        register(CampaignFixtures.activityYaml(dir, "large", audience.lines(), "\n"));

        JobExecution execution = start("large");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution step = stagingStep(execution);
        assertThat(step.getReadCount()).isEqualTo(1_500);
        assertThat(step.getWriteCount()).isEqualTo(1_500);
        assertThat(step.getCommitCount()).as("one commit per chunk of 100").isEqualTo(15);
        assertThat(recipients.countByState("large")).isEqualTo(audience.counts())
                .containsEntry(RecipientState.PENDING, 1_425L).containsEntry(RecipientState.INVALID, 45L)
                .containsEntry(RecipientState.DUPLICATE, 30L);
        assertThat(allRecipients("large")).isEqualTo(audience.expected());
    }

    @Test
    void acceptsBomCrlfBlankLinesAndQuotedFields() throws Exception {
        List<String> lines = List.of("\uFEFFname,open_id", "\"Doe, J\",\"u1\"", "", "   ", "\"two", "lines\",u2",
                "Cy,u1");
        register(CampaignFixtures.activityYaml(dir, "windows", lines, "\r\n"));

        JobExecution execution = start("windows");

        assertThat(stagingStep(execution).getReadCount()).isEqualTo(3);
        assertThat(allRecipients("windows")).containsExactly(
                new CampaignRecipient(2, "u1", RecipientState.PENDING, null, null, null),
                new CampaignRecipient(5, "u2", RecipientState.PENDING, null, null, null),
                new CampaignRecipient(7, "u1", RecipientState.DUPLICATE, "duplicate of line 2", null, null));
    }

    @Test
    void stagesExcelUnicodeTextWithAnEmptyQuotedIdAsInvalidOnItsLine() throws Exception {
        String text = "\uFEFFname\topen_id\r\nZoë\tu1\r\nAnn\t\"\"\r\n\r\nBo\tu2\r\n";
        Path audience = Files.write(dir.resolve("unicode.txt"), text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        store.register(CampaignFixtures.activity("unicode", audience));

        JobExecution execution = start("unicode");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(allRecipients("unicode")).containsExactly(
                new CampaignRecipient(2, "u1", RecipientState.PENDING, null, null, null),
                new CampaignRecipient(3, null, RecipientState.INVALID, "empty", null, null),
                new CampaignRecipient(5, "u2", RecipientState.PENDING, null, null, null));
    }

    /** Ids are stored as given, whichever way the rows travel (on MariaDB a LOAD DATA stream with its own escapes). */
    @Test
    void storesInvalidIdsWithTabsBackslashesNewlinesAndNullMarkersExactlyAsGiven() throws Exception {
        List<String> lines = List.of("open_id", "\"a\tb\"", "\"back\\slash\"", "\\N", "\"two\nlines\"", "Zo\u00eb\ud83d\ude00",
                "u1", "\"a\tb\"");
        register(CampaignFixtures.activityYaml(dir, "escapes", lines, "\n"));

        assertThat(start("escapes").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(allRecipients("escapes")).extracting(CampaignRecipient::lineNo, CampaignRecipient::recipientId,
                        CampaignRecipient::state)
                .containsExactly(tuple(2L, "a\tb", RecipientState.INVALID), tuple(3L, "back\\slash", RecipientState.INVALID),
                        tuple(4L, "\\N", RecipientState.INVALID), tuple(5L, "two\nlines", RecipientState.INVALID),
                        tuple(7L, "Zo\u00eb\ud83d\ude00", RecipientState.INVALID), tuple(8L, "u1", RecipientState.PENDING),
                        tuple(9L, "a\tb", RecipientState.INVALID));
    }

    @Test
    void failsBeforeStagingAnyRowWhenTheHeaderLacksTheIdColumn() throws Exception {
        Path audience = Files.writeString(dir.resolve("openid.csv"), "openid\nu1\n");
        store.register(CampaignFixtures.activity("no-column", audience));

        JobExecution execution = start("no-column");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription())
                .contains(audience.toAbsolutePath() + ": line 1: the header has no column open_id (found: openid)");
        assertThat(stagingStep(execution).getReadCount()).isZero();
        assertThat(allRecipients("no-column")).isEmpty();
    }

    @Test
    void resumesAFailedStagingWithoutDuplicatingOrLosingALine() throws Exception {
        GeneratedAudience audience = new GeneratedAudience(1_500);
        List<String> broken = new ArrayList<>(audience.lines());
        broken.set(1_250, "\"an unclosed quote,Ann");
        Path definition = CampaignFixtures.activityYaml(dir, "resumed", broken, "\n");
        register(definition);

        JobExecution failed = start("resumed");

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getExitStatus().getExitDescription()).contains(": line 1251: a quoted field runs over");
        List<CampaignRecipient> committed = allRecipients("resumed");
        assertThat(committed).hasSize(1_200).isEqualTo(audience.expected().subList(0, 1_200));

        Files.writeString(dir.resolve("resumed.csv"), String.join("\n", audience.lines()) + "\n");
        JobExecution resumed = start("resumed");

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(stagingStep(resumed).getReadCount()).isEqualTo(300);
        assertThat(stagingStep(resumed).getWriteCount()).isEqualTo(300);
        assertThat(allRecipients("resumed")).isEqualTo(audience.expected());
        assertThat(recipients.countByState("resumed")).isEqualTo(audience.counts());
    }

    @Test
    void refusesToRunACampaignThatCompleted() throws Exception {
        register(CampaignFixtures.activityYaml(dir, "done", List.of("open_id", "u1"), "\n"));
        assertThat(start("done").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThatThrownBy(() -> start("done")).isInstanceOf(JobInstanceAlreadyCompleteException.class);
        assertThat(allRecipients("done")).hasSize(1);
    }

    private void register(Path definition) {
        store.register(parser.parse(definition));
    }

    JobExecution start(String campaignId) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString(CampaignJobConfiguration.CAMPAIGN_PARAMETER, campaignId).toJobParameters();
        return jobOperator.start(new JobBuilder("stageAudienceOnlyJob", jobRepository).start(stageAudienceStep).build(),
                parameters);
    }

    private static StepExecution stagingStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals("stageAudienceStep")).findFirst().orElseThrow();
    }

    private List<CampaignRecipient> allRecipients(String campaignId) {
        return recipients.page(campaignId, 0, 100_000);
    }
}
