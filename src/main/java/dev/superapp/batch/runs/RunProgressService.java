package dev.superapp.batch.runs;

import dev.superapp.batch.campaign.CampaignJobConfiguration;
import dev.superapp.batch.campaign.PushProgress;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.sending.CampaignSendCounts;
import dev.superapp.batch.reconciliation.ReconciliationJobConfiguration;
import dev.superapp.batch.reconciliation.ReconciliationRunCounts;
import dev.superapp.batch.runs.RunProgress.Counts;
import dev.superapp.batch.system.StepTotals;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

/**
 * The live progress of an execution, read from the database on every call (the job may run on another
 * node): recipients of a campaign, orders of a reconciliation, and for any other job its step counts.
 */
@Service
public class RunProgressService {

    private static final Set<RecipientState> UNSUCCESSFUL = EnumSet.of(RecipientState.REJECTED, RecipientState.FAILED,
            RecipientState.UNKNOWN);

    private final JobRepository jobRepository;
    private final RecipientStore campaigns;
    private final CampaignSendCounts sends;
    private final ReconciliationRunCounts reconciliations;
    private final Clock clock;

    RunProgressService(JobRepository jobRepository, RecipientStore campaigns, CampaignSendCounts sends,
                       ReconciliationRunCounts reconciliations, Clock clock) {
        this.jobRepository = jobRepository;
        this.campaigns = campaigns;
        this.sends = sends;
        this.reconciliations = reconciliations;
        this.clock = clock;
    }

    /** Empty for an execution id the repository does not know. */
    public Optional<RunProgress> progress(long executionId) {
        return execution(executionId).map(this::progress);
    }

    private RunProgress progress(JobExecution execution) {
        Counts counts = switch (RunKind.of(execution.getJobInstance().getJobName())) {
            case CAMPAIGN -> campaign(execution);
            case RECONCILIATION -> reconciliation(execution);
            case CAMPAIGN_STAGING, OTHER -> steps(execution);
        };
        return RunProgress.of(execution, counts, LocalDateTime.now(clock.withZone(ZoneId.systemDefault())));
    }

    /** The JDBC repository answers an unknown id with an exception, where its contract says null: both mean none. */
    private Optional<JobExecution> execution(long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        } catch (EmptyResultDataAccessException unknown) {
            return Optional.empty();
        }
    }

    /**
     * Over the whole campaign (a resumed run continues the same recipients): the staged recipients that
     * are to be sent, and those with an outcome; the rate from those this execution's requests answered.
     */
    private Counts campaign(JobExecution execution) {
        String campaignId = execution.getJobParameters().getString(CampaignJobConfiguration.CAMPAIGN_PARAMETER);
        Map<RecipientState, Long> counts = campaigns.countByState(campaignId);
        long total = sum(counts, RecipientState::toBeSent);
        // A cancelled campaign's unsent recipients were never answered: its bar stops where the sending did.
        long pending = counts.get(RecipientState.PENDING) + counts.get(RecipientState.CANCELED);
        LocalDateTime started = execution.getStartTime();
        long thisRun = started == null ? 0 : sends.answeredSince(campaignId,
                started.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        // The limiter's rate, as the send step left it in its context at its last chunk (it may run on another node).
        ExecutionContext sending = execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(PushProgress.SEND_STEP)).map(StepExecution::getExecutionContext)
                .findFirst().orElseGet(ExecutionContext::new);
        return new Counts(total - pending, total, sum(counts, UNSUCCESSFUL::contains), thisRun,
                doubleOrNull(sending, PushProgress.RATE_LIMIT), doubleOrNull(sending, PushProgress.ALLOWANCE_ESTIMATE));
    }

    private static Double doubleOrNull(ExecutionContext context, String key) {
        return context.containsKey(key) ? context.getDouble(key) : null;
    }

    /**
     * The orders this execution's reconcile step wrote, out of those plus the PENDING orders it has yet to
     * read; once it stopped, out of those it read.
     */
    private Counts reconciliation(JobExecution execution) {
        Optional<StepExecution> reconcile = execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(ReconciliationJobConfiguration.RECONCILE_STEP)).findFirst();
        if (reconcile.isEmpty()) {
            return new Counts(0, 0, 0);
        }
        StepExecution step = reconcile.get();
        long done = step.getWriteCount();
        long total = step.getStatus().isRunning() ? done + reconciliations.ordersLeft(step) : step.getReadCount();
        return new Counts(done, total, reconciliations.errors(execution));
    }

    /** Items written out of items read, skips as errors, over every step. */
    private Counts steps(JobExecution execution) {
        StepTotals totals = StepTotals.of(execution);
        return new Counts(totals.written(), totals.read(), totals.skipped());
    }

    private static long sum(Map<RecipientState, Long> counts, Predicate<RecipientState> which) {
        return counts.entrySet().stream().filter(entry -> which.test(entry.getKey())).mapToLong(Map.Entry::getValue).sum();
    }
}
