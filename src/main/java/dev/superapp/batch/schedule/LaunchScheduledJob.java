package dev.superapp.batch.schedule;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.lease.JobLeases;
import dev.superapp.batch.lease.LeaseKeys;
import dev.superapp.batch.lease.LeaseRefusedException;
import dev.superapp.batch.system.UserInputException;
import java.time.Instant;
import java.time.ZoneId;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The Quartz side of a scheduled definition, kept thin: it builds the job parameters and starts the
 * Spring Batch job. The scheduled fire time is an identifying parameter, so a slot fired twice (two
 * nodes, a misfire replay) is one job instance and runs at most once to completion. A campaign is one
 * job instance per campaign id: a fire pushes it by its id, as registered (nothing is parsed or registered
 * again), which sends once; later fires find it finished.
 */
@DisallowConcurrentExecution
class LaunchScheduledJob implements Job {

    static final String KIND = "kind";
    /** The definition file of a reconciliation; rows written before campaigns were fired by id have it for campaigns too. */
    static final String FILE = "file";
    static final String TIME_ZONE = "timeZone";
    static final String OPTION_PREFIX = "option.";
    /** The campaign a fire pushes, registered before it was scheduled. */
    static final String CAMPAIGN = "campaign";
    static final String FIRE_TIME_PARAMETER = "scheduledFireTime";

    private static final Logger log = LoggerFactory.getLogger(LaunchScheduledJob.class);

    private final JobOperator jobOperator;
    private final org.springframework.batch.core.job.Job reconciliationJob;
    private final CampaignLauncher campaigns;
    private final CampaignLifecycle lifecycle;
    private final JobLeases leases;

    LaunchScheduledJob(JobOperator jobOperator,
                       @Qualifier("reconciliationJob") org.springframework.batch.core.job.Job reconciliationJob,
                       CampaignLauncher campaigns, CampaignLifecycle lifecycle, JobLeases leases) {
        this.jobOperator = jobOperator;
        this.reconciliationJob = reconciliationJob;
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.leases = leases;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        String name = context.getJobDetail().getKey().getName();
        Instant slot = context.getScheduledFireTime().toInstant();
        try {
            if (JobKind.valueOf(data.getString(KIND)) == JobKind.RECONCILIATION) {
                reconcile(name, slot, data);
            } else if (!data.containsKey(CAMPAIGN)) {
                // A jobs/ row scheduled before campaigns were fired by id; the next scan registers and reschedules it.
                log.warn("{} (slot {}) names no registered campaign; not pushed until the next scan of the jobs dir", name, slot);
            } else {
                PushRun run = campaigns.push(data.getString(CAMPAIGN));
                log.info("{} (slot {}): campaign {} execution {} {}", name, slot, run.campaignId(), run.executionId(),
                        run.alreadyFinished() ? "had already finished; nothing sent"
                                : run.withErrors() ? "finished with errors: " + run.failure() : "ended " + run.status());
            }
        } catch (UserInputException e) {
            // A push still under way (elsewhere, or a dead node's, which OrphanRecovery takes over): not this fire's job.
            log.warn("{} (slot {}) not pushed now: {}", name, slot, e.getMessage());
            notStarted(context, e.getMessage());
        } catch (RuntimeException e) {
            // Quartz would only log and carry on; say which definition and slot failed, in one line.
            log.error("{} (slot {}) did not run: {}", name, slot, e.getMessage());
            notStarted(context, e.getMessage());
        }
    }

    /**
     * A campaign the console planned whose fire did not start it is FAILED rather than SCHEDULED forever: its
     * page then says why and offers to resume it (or cancel it). A {@code jobs/} schedule fires again.
     */
    private void notStarted(JobExecutionContext context, String why) {
        if (OneOffCampaigns.GROUP.equals(context.getJobDetail().getKey().getGroup())) {
            lifecycle.fireFailed(context.getMergedJobDataMap().getString(CAMPAIGN), why);
        }
    }

    private void reconcile(String name, Instant slot, JobDataMap data) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("businessDate", slot.atZone(ZoneId.of(data.getString(TIME_ZONE))).toLocalDate().toString())
                .addString(FIRE_TIME_PARAMETER, slot.toString());
        data.keySet().stream().filter(key -> key.startsWith(OPTION_PREFIX))
                .forEach(key -> parameters.addString(key.substring(OPTION_PREFIX.length()), data.getString(key), false));
        try {
            JobExecution execution = leases.startAlone(LeaseKeys.RECONCILIATION, "a reconciliation",
                    () -> jobOperator.start(reconciliationJob, parameters.toJobParameters()));
            log.info("{} (slot {}): execution {} ended {}", name, slot, execution.getId(), execution.getStatus());
        } catch (LeaseRefusedException e) {
            log.warn("{} (slot {}) skipped: {}", name, slot, e.getMessage());
        } catch (JobInstanceAlreadyCompleteException e) {
            log.info("{} (slot {}) has already run; not run again", name, slot);
        } catch (Exception e) {
            log.error("{} (slot {}) could not start: {}", name, slot, e.getMessage());
        }
    }
}
