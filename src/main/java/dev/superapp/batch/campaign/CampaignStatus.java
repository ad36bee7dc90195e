package dev.superapp.batch.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign is, as {@code campaign.status} records it. The job writes SENDING, STOPPED, FAILED and
 * FINISHED; the console asks for a pause or a cancellation by writing PAUSING or CANCELING, which the running
 * job honours at its next chunk boundary (see {@link CampaignControlCheck}) and then records as PAUSED or
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
    FINISHED;

    /** A stopped campaign that sending can take up again. */
    public static final Set<CampaignStatus> RESUMABLE = EnumSet.of(PAUSED, STOPPED, FAILED);

    /** Not yet sending, nothing to stop: a cancellation takes effect at once. */
    public static final Set<CampaignStatus> NOT_STARTED = EnumSet.of(REGISTERED, SCHEDULED);

    /** The job stops before its next chunk when the campaign is in one of these. */
    static final Set<CampaignStatus> STOP_REQUESTED = EnumSet.of(PAUSING, CANCELING, CANCELED);
}
