package dev.superapp.batch.campaign;

import static dev.superapp.batch.campaign.CampaignMove.CANCEL_PLAN;
import static dev.superapp.batch.campaign.CampaignMove.CANCEL_SENDING;
import static dev.superapp.batch.campaign.CampaignMove.CANCEL_STOPPED;
import static dev.superapp.batch.campaign.CampaignMove.CHECK_AUDIENCE;
import static dev.superapp.batch.campaign.CampaignMove.SCHEDULE;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.recipient.AudienceOverlap;
import dev.superapp.batch.campaign.definition.CampaignDefinitionException;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner of a campaign's status: every move (register, check audience, schedule, pause, resume, cancel,
 * withdraw, a fire that failed, and the job's start and end) is made here, from the table of
 * {@link CampaignMove}, as one conditional update. A move the status does not allow is refused with a
 * {@link CampaignMoveRefusedException}. Sending goes through the clustered scheduler ({@link CampaignPlans}),
 * never a thread of the caller, and starts the campaign by its id from the definition stored at registration.
 */
@Service
public class CampaignLifecycle {

    private final CampaignStore store;
    private final CampaignPlans plans;
    private final AudienceStaging staging;
    private final CampaignExecutions executions;
    private final ActivityWithdrawal withdrawals;
    private final AudienceOverlap overlap;
    private final CampaignResends resends;
    private final RecipientStore recipients;
    private final StoppedCampaignReports stoppedReports;
    private final CampaignErrorLimit errorLimit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CampaignLifecycle(CampaignStore store, CampaignPlans plans, AudienceStaging staging, CampaignExecutions executions,
                      ActivityWithdrawal withdrawals, AudienceOverlap overlap, CampaignResends resends,
                      RecipientStore recipients, StoppedCampaignReports stoppedReports, CampaignErrorLimit errorLimit,
                      PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.staging = staging;
        this.executions = executions;
        this.withdrawals = withdrawals;
        this.overlap = overlap;
        this.resends = resends;
        this.recipients = recipients;
        this.stoppedReports = stoppedReports;
        this.errorLimit = errorLimit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * @return true when this call registered it, false when the same campaign (id, channel, audience) was before
     * @throws CampaignDefinitionException when the id is registered with another channel or audience, or when its
     *                                     {@code notAfter} has passed before it started sending
     */
    public boolean register(CampaignDefinition definition) {
        if (definition.endedAt(clock.instant())) {
            CampaignStatus status = store.status(definition.campaignId());
            // One that started sending may be pushed again: it sends nothing and reports the rest EXPIRED.
            if (status == null || status == CampaignStatus.REGISTERED) {
                throw new CampaignDefinitionException(List.of("notAfter: " + definition.notAfter()
                        + " has passed; campaign " + definition.campaignId() + " would send nothing (set a later notAfter)"));
            }
        }
        return store.register(definition);
    }

    /** A campaign of {@code jobs/} with a schedule: its cron trigger is its plan. */
    public void registerScheduled(CampaignDefinition definition) {
        register(definition);
        store.move(definition.campaignId(), SCHEDULE, null);
    }

    /** Stages the audience for the preview, in the background; again after a check that failed or never started. */
    public void checkAudience(String campaignId) {
        if (staging.preview(campaignId).staging() == AudiencePreview.Staging.STAGED
                || !store.note(campaignId, CHECK_AUDIENCE.from(), null)) {
            throw refused(campaignId, CHECK_AUDIENCE);
        }
        staging.stageInBackground(campaignId, why -> store.note(campaignId, CHECK_AUDIENCE.from(),
                "the audience check did not start: " + why));
    }

    /**
     * Leaves out of a campaign not yet sent the recipients an earlier campaign had to send (or sent, when
     * {@code sentOnly}): they are reported EXCLUDED, naming that campaign and who asked. Only while the campaign is
     * REGISTERED with its audience checked; the status stays.
     *
     * @return how many were left out
     */
    public int leaveOut(String campaignId, String earlier, boolean sentOnly, String by) {
        if (campaignId.equals(earlier) || store.find(earlier).isEmpty()) {
            throw new CampaignMoveRefusedException(campaignId, null, "cannot be compared with " + earlier
                    + "; choose another, earlier campaign");
        }
        if (store.status(campaignId) != CampaignStatus.REGISTERED
                || staging.preview(campaignId).staging() != AudiencePreview.Staging.STAGED) {
            throw new CampaignMoveRefusedException(campaignId, null,
                    "can have recipients left out only once its audience is checked and before it is sent or scheduled");
        }
        String detail = "left out by " + by + ": " + (sentOnly ? "sent by campaign " : "in the audience of campaign ") + earlier;
        return overlap.leaveOut(campaignId, earlier, sentOnly, detail);
    }

    /**
     * Sends a campaign not yet started, now or at {@code at}; a later time can be moved while it is still planned.
     * A time after the campaign's {@code notAfter} is refused: it would send nothing.
     */
    public void schedule(String campaignId, Instant at) {
        CampaignDefinition definition = existing(campaignId).definition();
        if (definition.endedAt(at)) {
            throw new CampaignMoveRefusedException(campaignId, SCHEDULE, "ends at its notAfter " + definition.notAfter()
                    + "; a send at " + at.atOffset(definition.notAfter().getOffset()) + " would send nothing");
        }
        // The sender stages whatever is left itself, but never alongside the preview's staging.
        if (staging.preview(campaignId).staging() == AudiencePreview.Staging.STAGING) {
            throw new CampaignMoveRefusedException(campaignId, SCHEDULE,
                    "is still having its audience checked; send it when the preview is complete");
        }
        plan(campaignId, SCHEDULE, at, null);
    }

    /**
     * The running sender sends no further request and stops, everything it sent recorded.
     *
     * @param by who asked, as its run will say ("paused by ..."); null for the system
     */
    public void pause(String campaignId, String by) {
        require(campaignId, CampaignMove.PAUSE, by);
    }

    /**
     * The running job pauses its campaign because too much is going wrong (its canary, or the error rate over the
     * last minute); the campaign's page shows {@code why} until it is resumed. A campaign already pausing or cancelling
     * (a person asked first) is left as it is.
     *
     * @return true when this call paused it
     */
    public boolean pauseItself(String campaignId, String why) {
        return store.move(campaignId, CampaignMove.PAUSE_ITSELF, why);
    }

    /** Sends the rest of a paused, stopped or failed campaign; nobody already sent is sent again. */
    public void resume(String campaignId, String by) {
        plan(campaignId, CampaignMove.RESUME, clock.instant(), by);
    }

    /**
     * Before sending: drops the plan. While sending: the sender sends no further request and stops. Once
     * stopped: its last execution is abandoned first, so that nothing can restart it, and its delivery report is
     * written again. Whenever it ends cancelled, the recipients no request carried are CANCELED.
     *
     * @param by who asked, as its run will say ("cancelled by ..."); null for the system
     */
    public void cancel(String campaignId, String by) {
        if (store.move(campaignId, CANCEL_PLAN, null, by)) {
            plans.drop(campaignId);
            recipients.cancelUnsent(campaignId);
        } else if (!store.move(campaignId, CANCEL_SENDING, null, by)) {
            if (!CANCEL_STOPPED.allowedFrom(store.status(campaignId))) {
                throw refused(campaignId, CANCEL_STOPPED);
            }
            abandonLastExecution(campaignId);
            // Resumed meanwhile: it is planned again, and cancelled as a plan.
            if (!store.move(campaignId, CANCEL_STOPPED, null, by)) {
                store.move(campaignId, CANCEL_PLAN, null, by);
            }
            plans.drop(campaignId);
            recipients.cancelUnsent(campaignId);
            stoppedReports.writeForLast(campaignId);
        }
    }

    /** Whether {@link #withdraw} would be allowed: one rule for the page's button and for the move. */
    public boolean canBeWithdrawn(StoredCampaign campaign) {
        return ActivityWithdrawal.refusal(campaign) == null;
    }

    /**
     * Removes an activity card from everyone who was sent it, by a new campaign {@code <id>-withdraw} sent at once
     * (no preview: the sender stages its audience, written to {@code audience}, itself).
     *
     * @return the withdrawal campaign's id
     */
    public String withdraw(String campaignId, Path audience) {
        CampaignDefinition withdrawal = withdrawals.definition(existing(campaignId), audience);
        try {
            // Of two withdrawals asked at once, one registers.
            if (register(withdrawal)) {
                plan(withdrawal.campaignId(), SCHEDULE, clock.instant(), null);
                return withdrawal.campaignId();
            }
        } catch (CampaignDefinitionException anotherAudience) {
            // registered by the other withdrawal, with its own audience file
        }
        throw ActivityWithdrawal.alreadyWithdrawn(campaignId);
    }

    /**
     * Asks for the recipients of a finished campaign in the chosen states (UNKNOWN, FAILED) to be sent once more, as
     * the campaign's next attempt, recorded with who asked and when; the caller starts it ({@code push --resend}) or
     * plans it ({@link #resendNow}). Two resends asked at once cannot both be recorded: the move and the record are
     * one transaction.
     *
     * @return empty when no recipient is in those states: nothing is recorded, and the campaign stays FINISHED
     * @throws CampaignMoveRefusedException when the campaign has not finished: it is being sent, planned, stopped,
     *                                      failed or cancelled
     */
    public Optional<Resend> resend(String campaignId, ResendSelection selection, String requestedBy) {
        CampaignStatus status = store.status(campaignId);
        if (status == null || !CampaignMove.RESEND.allowedFrom(status)) {
            throw refused(campaignId, CampaignMove.RESEND);
        }
        Map<RecipientState, Long> counts = recipients.countByState(campaignId);
        long asked = selection.states().stream().mapToLong(counts::get).sum();
        if (asked == 0) {
            return Optional.empty();
        }
        return Optional.of(transaction.execute(tx -> {
            require(campaignId, CampaignMove.RESEND, requestedBy);
            return resends.record(campaignId, selection, requestedBy, clock.instant(), asked);
        }));
    }

    /** The console's resend: asked as {@link #resend}, and sent at once by a node of the cluster. */
    public Optional<Resend> resendNow(String campaignId, ResendSelection selection, String requestedBy) {
        Optional<Resend> resend = resend(campaignId, selection, requestedBy);
        resend.ifPresent(asked -> plans.pushAt(campaignId, clock.instant()));
        return resend;
    }

    /** {@code campaignJob} claims the campaign; a pause or cancel asked before is kept, and the steps then stop. */
    public void start(String campaignId) {
        store.move(campaignId, CampaignMove.START, null);
    }

    /**
     * Records how {@code campaignJob} ended: completed is FINISHED, or FINISHED_WITH_ERRORS when nobody was sent
     * the push or too many were rejected or failed ({@link DeliveryVerdict}, its counts in {@code status_detail});
     * stopped or failed is CANCELED when a cancellation was asked (or made before it started; the recipients no
     * request carried become CANCELED), PAUSED when a pause was, else STOPPED or FAILED.
     *
     * @return the status the campaign is in now; CANCELED means its execution must end ABANDONED, so nothing
     * restarts it
     */
    public CampaignStatus ended(String campaignId, BatchStatus ended, String failure) {
        if (ended == BatchStatus.COMPLETED) {
            DeliveryVerdict verdict = DeliveryVerdict.of(recipients.countByState(campaignId), errorLimit.fraction());
            store.move(campaignId, verdict.failing() ? CampaignMove.FINISH_WITH_ERRORS : CampaignMove.FINISH, verdict.detail());
        } else if (ended == BatchStatus.STOPPED || ended == BatchStatus.FAILED) {
            if (store.move(campaignId, CampaignMove.HONOUR_CANCEL, null) || store.status(campaignId) == CampaignStatus.CANCELED) {
                recipients.cancelUnsent(campaignId);
            } else if (!store.move(campaignId, CampaignMove.HONOUR_PAUSE, pausedBecause(campaignId))) {
                store.move(campaignId, ended == BatchStatus.FAILED ? CampaignMove.FAIL : CampaignMove.STOP,
                        ended == BatchStatus.FAILED ? failure : "stopped by its node shutting down; resume it to send the rest");
            }
        }
        return store.status(campaignId);
    }

    /** Why it was paused, when the job paused it itself ({@link #pauseItself}): the page keeps saying so. */
    private String pausedBecause(String campaignId) {
        return store.find(campaignId).map(StoredCampaign::statusDetail).orElse(null);
    }

    /** A planned send whose fire could not start it is FAILED rather than SCHEDULED forever. */
    public void fireFailed(String campaignId, String why) {
        store.move(campaignId, CampaignMove.FAIL_TO_FIRE, "the planned send did not start: " + why);
    }

    private void plan(String campaignId, CampaignMove move, Instant at, String by) {
        require(campaignId, move, by);
        plans.pushAt(campaignId, at.isBefore(clock.instant()) ? clock.instant() : at);
    }

    private void require(String campaignId, CampaignMove move, String by) {
        if (!store.move(campaignId, move, null, by)) {
            throw refused(campaignId, move);
        }
    }

    private void abandonLastExecution(String campaignId) {
        if (!executions.abandonLast(CampaignJobConfiguration.JOB_NAME, campaignId)) {
            throw new CampaignMoveRefusedException(campaignId, CANCEL_STOPPED, "is still stopping; cancel it again in a moment");
        }
    }

    private StoredCampaign existing(String campaignId) {
        return store.find(campaignId).orElseThrow(() -> new CampaignMoveRefusedException(campaignId, null, "does not exist"));
    }

    private CampaignMoveRefusedException refused(String campaignId, CampaignMove move) {
        CampaignStatus status = store.status(campaignId);
        return new CampaignMoveRefusedException(campaignId, move, status == null ? "does not exist" : move.refusal(status));
    }
}
