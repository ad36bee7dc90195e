package dev.superapp.batch.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same migrations build a working schema on every database we support. */
@SpringBootTest
abstract class SchemaMigrationContract {

    @Autowired JdbcClient jdbc;
    @Autowired JobRepository jobRepository;

    @Test
    void createsApplicationBatchAndQuartzTables() {
        for (String table : new String[] {"payment_order", "reconciliation_result", "BATCH_JOB_INSTANCE",
                "BATCH_STEP_EXECUTION_SEQ", "QRTZ_TRIGGERS", "QRTZ_LOCKS"}) {
            Integer rows = jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
            assertThat(rows).as(table).isNotNegative();
        }
    }

    @Test
    void jobRepositoryHandsOutIncreasingIdsFromTheMysqlSequenceTables() {
        JobInstance first = jobRepository.createJobInstance("schemaCheck",
                new JobParametersBuilder().addString("run", "1").toJobParameters());
        JobInstance second = jobRepository.createJobInstance("schemaCheck",
                new JobParametersBuilder().addString("run", "2").toJobParameters());
        assertThat(second.getInstanceId()).isGreaterThan(first.getInstanceId());
    }
}
