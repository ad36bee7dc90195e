package dev.superapp.batch.cli;

import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs {@link FlakyJobConfiguration}'s job against a test database, the way a scheduled run would. */
final class JobRuns {

    private JobRuns() {
    }

    static long runFlakyJob(String databaseUrl, String run, boolean fail) throws Exception {
        Map<String, String> properties = Map.of("spring.datasource.url", databaseUrl, "flaky-job.fail", String.valueOf(fail));
        try (ConfigurableApplicationContext context = FlakyJobConfiguration.STARTER.start(properties, false)) {
            JobExecution execution = context.getBean(JobOperator.class).start(context.getBean(FlakyJobConfiguration.JOB_NAME, Job.class),
                    new JobParametersBuilder().addString("run", run).addString("note", "not identifying", false).toJobParameters());
            if (execution.getStatus() != (fail ? BatchStatus.FAILED : BatchStatus.COMPLETED)) {
                throw new IllegalStateException("flaky job ended " + execution.getStatus());
            }
            return execution.getId();
        }
    }
}
