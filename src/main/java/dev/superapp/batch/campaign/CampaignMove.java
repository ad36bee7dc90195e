package dev.superapp.batch.campaign;

import static dev.superapp.batch.campaign.CampaignStatus.CANCELED;
import static dev.superapp.batch.campaign.CampaignStatus.CANCELING;
import static dev.superapp.batch.campaign.CampaignStatus.FAILED;
import static dev.superapp.batch.campaign.CampaignStatus.FINISHED;
import static dev.superapp.batch.campaign.CampaignStatus.FINISHED_WITH_ERRORS;
import static dev.superapp.batch.campaign.CampaignStatus.PAUSED;
import static dev.superapp.batch.campaign.CampaignStatus.PAUSING;
import static dev.superapp.batch.campaign.CampaignStatus.REGISTERED;
import static dev.superapp.batch.campaign.CampaignStatus.SCHEDULED;
import static dev.superapp.batch.campaign.CampaignStatus.SENDING;
import static dev.superapp.batch.campaign.CampaignStatus.STOPPED;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every move of a campaign's status: the statuses it may start from, the status it ends in, and what a person
 * is told when it is refused. This table is the whole of the rules; {@link CampaignLifecycle} makes the moves,
 * each one conditional update, so two people or two nodes asking at once cannot both win. The README shows the
 * same table.
 */
public enum CampaignMove {

    /** First push, or the console's form; the campaign row is created in this status. */
    REGISTER(EnumSet.noneOf(CampaignStatus.class), REGISTERED, "exists already; use a new campaign id"),
    /** Stage the audience (again, after a check that failed or never started) for the preview; the status stays. */
    CHECK_AUDIENCE(EnumSet.of(REGISTERED), null, "has its audience checked already, or is being sent"),
    /** Send now or later, from the console or {@code jobs/}; a planned time may be moved while still planned. */
    SCHEDULE(EnumSet.of(REGISTERED, SCHEDULED), SCHEDULED, "cannot be sent or scheduled now"),
    /** {@code campaignJob} claims it (a restart of a dead node's run finds it SENDING still). */
    START(EnumSet.of(REGISTERED, SCHEDULED, SENDING, PAUSED, STOPPED, FAILED), SENDING,
            "is being paused or cancelled, or was cancelled; nothing is sent"),
    PAUSE(EnumSet.of(SENDING), PAUSING, "is not sending; only a sending campaign can be paused"),
    /**
     * The job pauses its own campaign: its canary had too many errors, or the error rate over the last minute went
     * above {@code campaign.max-error-rate}; {@code status_detail} says which, and stays when the pause is honoured.
     */
    PAUSE_ITSELF(EnumSet.of(SENDING), PAUSING, "is not sending"),
    /** The job stopped, before its next request, after a pause was asked. */
    HONOUR_PAUSE(EnumSet.of(PAUSING), PAUSED, "was not asked to pause"),
    RESUME(EnumSet.of(PAUSED, STOPPED, FAILED), SCHEDULED, "is not paused, stopped or failed; there is nothing to resume"),
    /** Before sending: the plan is dropped. */
    CANCEL_PLAN(EnumSet.of(REGISTERED, SCHEDULED), CANCELED, "has started sending"),
    /** While sending: the job sends no further request and stops, then {@link #HONOUR_CANCEL}. */
    CANCEL_SENDING(EnumSet.of(SENDING, PAUSING), CANCELING, "is not sending"),
    /** Once stopped: its last execution is abandoned first, so that nothing can restart it. */
    CANCEL_STOPPED(EnumSet.of(PAUSED, STOPPED, FAILED), CANCELED, "has finished or is already cancelled"),
    /** The job stopped after a cancellation was asked; its execution becomes ABANDONED. */
    HONOUR_CANCEL(EnumSet.of(CANCELING), CANCELED, "was not asked to cancel"),
    /** Its node shut down while sending; resumable. */
    STOP(EnumSet.of(SENDING), STOPPED, "is not sending"),
    FAIL(EnumSet.of(SENDING), FAILED, "is not sending"),
    /** A planned send whose fire could not start it; its page says why and offers to resume or cancel. */
    FAIL_TO_FIRE(EnumSet.of(SCHEDULED), FAILED, "is not scheduled"),
    /** Sent and reported (a pause or cancel asked during the report comes too late to matter). */
    FINISH(EnumSet.of(SENDING, PAUSING, CANCELING), FINISHED, "is not sending"),
    /** Sent and reported, but nobody was sent it or too many were rejected or failed ({@link DeliveryVerdict}). */
    FINISH_WITH_ERRORS(EnumSet.of(SENDING, PAUSING, CANCELING), FINISHED_WITH_ERRORS, "is not sending"),
    /**
     * A person sends its UNKNOWN and/or FAILED recipients once more ({@code push --resend}, the console), as a new
     * attempt started like a plan; never while it is being sent, nor once cancelled.
     */
    RESEND(EnumSet.of(FINISHED, FINISHED_WITH_ERRORS), SCHEDULED,
            "has not finished; only a finished campaign is resent (push or resume it to finish it first)"),
    /** Its activity card is removed by a new campaign {@code <id>-withdraw}; this one's status stays. */
    WITHDRAW(EnumSet.of(FINISHED, FINISHED_WITH_ERRORS, CANCELED), null, "withdraw it once it has finished, or cancel it first");

    private final EnumSet<CampaignStatus> from;
    private final CampaignStatus to;
    private final String refusal;

    CampaignMove(EnumSet<CampaignStatus> from, CampaignStatus to, String refusal) {
        this.from = from;
        this.to = to;
        this.refusal = refusal;
    }

    public boolean allowedFrom(CampaignStatus status) {
        return from.contains(status);
    }

    /** The moves a campaign in {@code status} may make: what a page offers. */
    public static Set<CampaignMove> possibleFrom(CampaignStatus status) {
        Set<CampaignMove> moves = EnumSet.noneOf(CampaignMove.class);
        for (CampaignMove move : values()) {
            if (move.allowedFrom(status)) {
                moves.add(move);
            }
        }
        return moves;
    }

    Set<CampaignStatus> from() {
        return from.clone();
    }

    /** The status after the move; null when the status stays ({@link #CHECK_AUDIENCE}, {@link #WITHDRAW}). */
    CampaignStatus to() {
        return to;
    }

    /** Why the move is refused to a campaign in {@code status}, in words for the person who asked. */
    String refusal(CampaignStatus status) {
        return this == WITHDRAW ? "is still " + status.name().toLowerCase(Locale.ROOT) + "; " + refusal : refusal;
    }
}
