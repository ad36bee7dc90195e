package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.reconciliation.ReconciliationPlatform;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.lease.JobLeases;
import dev.superapp.batch.system.UserInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.EmptyResultDataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code restart <jobExecutionId>}: runs a FAILED or STOPPED execution's job instance again,
 * from its last commit, with {@link JobOperator#restart(JobExecution)}.
 *
 * <p>The checks happen here rather than in the operator: it wraps every refusal (already
 * complete, not restartable, no such job) into one misleading "already running" message.
 * The job is found among the context's {@link Job} beans, where Batch 6's job registry
 * finds it too.
 */
@Command(name = "restart", description = "Restart a FAILED or STOPPED job execution from its last commit.")
final class RestartCommand implements Callable<Integer> {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<jobExecutionId>", description = "As listed by 'runs'.")
    private long executionId;

    @Override
    public Integer call() {
        return root.inContext(this::restart);
    }

    private int restart(ConfigurableApplicationContext context) {
        JobRepository repository = context.getBean(JobRepository.class);
        JobExecution execution = find(repository);
        String jobName = execution.getJobInstance().getJobName();
        String which = "job execution " + executionId + " (" + jobName + ")";
        JobLeases leases = context.getBean(JobLeases.class);
        execution = leases.takeOverIfDead(execution, which);
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            throw new UserInputException(which + " is " + execution.getStatus() + "; only FAILED or STOPPED executions can be restarted");
        }
        JobExecution latest = repository.getLastJobExecution(execution.getJobInstance());
        if (latest != null && latest.getId() != executionId) {
            throw new UserInputException(which + " was already restarted as execution " + latest.getId()
                    + " (" + latest.getStatus() + ")");
        }
        Job job = context.getBeansOfType(Job.class).values().stream()
                .filter(candidate -> candidate.getName().equals(jobName))
                .findFirst()
                .orElseThrow(() -> new UserInputException(which + " cannot be restarted: this version has no job named " + jobName));
        if (!job.isRestartable()) {
            throw new UserInputException(which + " cannot be restarted: the job is not restartable");
        }
        requirePlatform(context, execution);
        JobExecution restarted = restart(context.getBean(JobOperator.class), leases, execution, which);
        PrintWriter out = spec.commandLine().getOut();
        out.println(which + " restarted as execution " + restarted.getId() + ": " + restarted.getStatus());
        if (jobName.equals("reconciliationJob")) {
            ReconciliationRunPrinter.print(context.getBean(ReconciliationLauncher.class).describe(restarted), out);
        }
        return restarted.getStatus() == BatchStatus.COMPLETED ? 0 : CommandErrors.FAILED;
    }

    /** A missing platform setting is the user's to fix (exit 2), not a job failure after a partial start. */
    private static void requirePlatform(ConfigurableApplicationContext context, JobExecution execution) {
        switch (execution.getJobInstance().getJobName()) {
            case "reconciliationJob" -> context.getBean(ReconciliationPlatform.class).chosen().requireConfigured();
            case "campaignJob" -> context.getBean(CampaignLauncher.class)
                    .requirePlatformFor(execution.getJobParameters().getString("campaign"));
            default -> { }
        }
    }

    /** The JDBC repository throws rather than answer null for an id it does not have. */
    private JobExecution find(JobRepository repository) {
        JobExecution execution;
        try {
            execution = repository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null) {
            throw new UserInputException("no job execution with id " + executionId + " (see 'runs')");
        }
        return execution;
    }

    private static JobExecution restart(JobOperator operator, JobLeases leases, JobExecution execution, String which) {
        try {
            return leases.restartAlone(execution, which, operator::restart);
        } catch (JobRestartException e) {
            // Only reachable if another process restarted it between our checks and now.
            throw new UserInputException(which + " cannot be restarted: " + e.getMessage(), e);
        }
    }
}
