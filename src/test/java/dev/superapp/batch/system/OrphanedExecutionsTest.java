package dev.superapp.batch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.testing.TestDatabase;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A run marked STARTED is recovered only once it has made no progress for batch.orphan-after. */
@SpringBootTest(properties = "batch.orphan-after=10m")
class OrphanedExecutionsTest {

    @Autowired OrphanedExecutions orphans;
    @Autowired JobRepository jobRepository;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
    }

    @Test
    void aRunThatRecentlyMadeProgressIsLeftAloneAndTheUserIsToldWhy() {
        JobExecution running = startedExecution("live", LocalDateTime.now().minusMinutes(1));

        assertThatThrownBy(() -> orphans.recoverIfOrphaned(running, "campaign live"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("campaign live is running as execution " + running.getId())
                .hasMessageContaining("batch.orphan-after");
        assertThat(jobRepository.getJobExecution(running.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
    }

    @Test
    void aRunSilentForLongerThanTheLimitIsRecoveredAsFailedSoItCanBeRestarted() {
        JobExecution dead = startedExecution("dead", LocalDateTime.now().minusMinutes(11));

        JobExecution recovered = orphans.recoverIfOrphaned(dead, "campaign dead");

        assertThat(recovered.getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void aRunThatIsNotRunningIsReturnedAsItIs() {
        JobExecution done = startedExecution("done", LocalDateTime.now());
        done.setStatus(BatchStatus.COMPLETED);
        done.setEndTime(LocalDateTime.now());
        jobRepository.update(done);

        assertThat(orphans.recoverIfOrphaned(done, "campaign done")).isSameAs(done);
    }

    private JobExecution startedExecution(String run, LocalDateTime lastProgress) {
        JobParameters parameters = new JobParametersBuilder().addString("run", run).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("orphanCheck", parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(lastProgress);
        execution.setCreateTime(lastProgress);
        jobRepository.update(execution);
        execution.setLastUpdated(lastProgress);
        return execution;
    }
}
