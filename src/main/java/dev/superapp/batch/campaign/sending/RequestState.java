package dev.superapp.batch.campaign.sending;

/** Where one push request stands in {@code campaign_request.state}. */
enum RequestState {
    /** Recorded, and perhaps sent: nobody knows whether the platform acted until an answer is recorded. */
    IN_FLIGHT,
    /** The platform accepted it (some recipients may still be listed as failed). */
    ACKNOWLEDGED,
    /** The platform refused it for a reason a retry cannot fix. */
    REJECTED,
    /** No success within the retry budget; the platform did not act on it. */
    FAILED,
    /** It may have been delivered, and the channel cannot safely send it again. */
    UNKNOWN,
    /**
     * Never sent: the campaign's {@code notAfter} had passed before it left. Recorded only when it was held back
     * after being recorded in flight (waiting for the rate); one held back before that leaves only its recipients,
     * as EXPIRED.
     */
    EXPIRED
}
