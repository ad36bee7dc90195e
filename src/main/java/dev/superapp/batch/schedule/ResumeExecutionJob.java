package dev.superapp.batch.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Restarts one recovered job execution from its last commit, as a one-off Quartz job so that it runs on
 * one node, is counted among that node's jobs, and stops gracefully like a scheduled run.
 */
class ResumeExecutionJob implements Job {

    static final String EXECUTION_ID = "executionId";
    private static final Logger log = LoggerFactory.getLogger(ResumeExecutionJob.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    ResumeExecutionJob(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long executionId = context.getMergedJobDataMap().getLong(EXECUTION_ID);
        try {
            JobExecution resumed = jobOperator.restart(jobRepository.getJobExecution(executionId));
            log.info("execution {} resumed as execution {}, which ended {}", executionId, resumed.getId(), resumed.getStatus());
        } catch (Exception e) {
            log.error("execution {} could not be resumed: {}; run 'restart {}'", executionId, e.getMessage(), executionId);
        }
    }
}
