package dev.superapp.batch.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign is, as {@code campaign.status} records it. It moves only as {@link CampaignMove} allows, made by
 * {@link CampaignLifecycle}: a pause or a cancellation asked while sending is PAUSING or CANCELING, which the
 * running job honours before its next request (see {@link CampaignControlCheck}) and then records as PAUSED or
 * CANCELED.
 */
public enum CampaignStatus {
    /** Registered, its audience staged or being staged; nothing sent. */
    REGISTERED,
    /** The console scheduled its sending for a later time. */
    SCHEDULED,
    SENDING,
    PAUSING,
    PAUSED,
    CANCELING,
    /** Never to be sent again: its last execution is ABANDONED. */
    CANCELED,
    /** Stopped without being asked from the console (the node shut down); resumable. */
    STOPPED,
    FAILED,
    FINISHED,
    /**
     * Sent and reported, but nobody was sent the push, or more than {@code campaign.max-error-rate} of the
     * recipients sent to were rejected or failed ({@link DeliveryVerdict}); {@code status_detail} has the counts.
     * Ended like FINISHED: nothing more is sent, its execution is COMPLETED with exit code COMPLETED_WITH_FAILURES.
     */
    FINISHED_WITH_ERRORS;

    /** The job stops before its next chunk when the campaign is in one of these. */
    static final Set<CampaignStatus> STOP_REQUESTED = EnumSet.of(PAUSING, CANCELING, CANCELED);

    /** Nothing more is ever sent: sent and reported, or cancelled. */
    public boolean ended() {
        return this == FINISHED || this == FINISHED_WITH_ERRORS || this == CANCELED;
    }
}
