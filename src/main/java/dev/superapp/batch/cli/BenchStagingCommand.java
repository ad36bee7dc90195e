package dev.superapp.batch.cli;

import dev.superapp.batch.bench.AudienceWorkload;
import dev.superapp.batch.bench.HeapSampler;
import dev.superapp.batch.bench.Machine;
import dev.superapp.batch.bench.Throughput;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench staging}: campaignJob's {@code stageAudienceStep} alone, in this JVM, on two audience sizes;
 * rows per second and the peak heap after GC of each, to show the heap does not grow with the file. Run it
 * with the heap the job gets in production: {@code java -Xmx256m -jar superapp-batch.jar bench staging}.
 */
@Command(name = "staging", description = "Rows per second and peak heap of staging an audience file, at two sizes.")
final class BenchStagingCommand implements Callable<Integer> {

    private static final String JOB_NAME = "stageAudienceBenchJob";

    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--lines", defaultValue = "10000000", description = "Lines of the large audience file. Default: ${DEFAULT-VALUE}.")
    private long lines;

    @Option(names = "--small-lines", defaultValue = "0", description = "Lines of the small one; 0: a tenth of --lines.")
    private long smallLines;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long small = smallLines > 0 ? smallLines : Math.max(1, lines / 10);
        out.printf("bench staging: %d and %d lines, heap limit %d MiB, database %s; %s%n", small, lines,
                HeapSampler.max() >> 20, bench.databaseUrl(), Machine.describe());
        out.flush();
        Path dir = Files.createTempDirectory("superapp-bench-staging-");
        String tag = Long.toString(System.currentTimeMillis(), 36);
        bench.inContext(Map.of(), context -> {
            for (long size : new long[] {small, lines}) {
                Path definition = new AudienceWorkload("staging-" + size + "-" + tag, size).writeInto(dir);
                CampaignDefinition campaign = new CampaignDefinitionParser().parse(definition);
                context.getBean(CampaignLifecycle.class).register(campaign);
                Job job = new JobBuilder(JOB_NAME, context.getBean(JobRepository.class))
                        .start(context.getBean("stageAudienceStep", Step.class)).build();
                try (HeapSampler heap = HeapSampler.start()) {
                    StepExecution step = stage(context.getBean(JobOperator.class), job, campaign.campaignId());
                    Throughput rows = new Throughput(step.getWriteCount(),
                            Duration.between(step.getStartTime(), step.getEndTime()), null);
                    out.printf("%d lines: %s; peak heap after GC %d MiB, peak heap in use %d MiB; %s%n", size,
                            rows.describe("rows"), heap.peakAfterGc() >> 20, heap.peakUsed() >> 20, Machine.describe());
                    out.flush();
                }
                deleteQuietly(definition.resolveSibling(campaign.campaignId() + ".csv"));
            }
            return null;
        });
        return 0;
    }

    private static StepExecution stage(JobOperator operator, Job job, String campaignId) {
        try {
            JobExecution execution = operator.start(job, new JobParametersBuilder()
                    .addString("campaign", campaignId).toJobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("staging " + campaignId + " ended " + execution.getStatus() + ": "
                        + execution.getExitStatus().getExitDescription());
            }
            return execution.getStepExecutions().iterator().next();
        } catch (JobExecutionException e) {
            throw new IllegalStateException("could not start staging " + campaignId + ": " + e.getMessage(), e);
        }
    }

    /** The audience files are large; each goes as soon as it is staged. */
    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is no reason to fail the benchmark.
        }
    }
}
