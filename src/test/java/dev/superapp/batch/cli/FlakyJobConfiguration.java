package dev.superapp.batch.cli;

import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A test-only job for the commands that deal with executions: it reads five items in chunks of
 * two, and its writer fails while the property {@code flaky-job.fail} is true, so a test can make
 * one run fail and its restart succeed.
 *
 * <p>Deliberately not a {@code @Configuration}: component scanning would add it to every
 * application context in the test run. Tests add it with {@link #STARTER}.
 */
class FlakyJobConfiguration {

    static final String JOB_NAME = "flakyJob";
    static final SpringContextStarter STARTER = new SpringContextStarter(List.of(FlakyJobConfiguration.class));

    @Bean
    Job flakyJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, Environment environment) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(new StepBuilder("countItemsStep", jobRepository)
                        .<Integer, Integer>chunk(2)
                        .transactionManager(transactionManager)
                        .reader(new ListItemReader<>(List.of(1, 2, 3, 4, 5)))
                        .writer(items -> {
                            if (environment.getProperty("flaky-job.fail", Boolean.class, false)) {
                                throw new IllegalStateException("flaky-job.fail is set");
                            }
                        })
                        .build())
                .build();
    }
}
