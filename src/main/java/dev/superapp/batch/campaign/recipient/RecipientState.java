package dev.superapp.batch.campaign.recipient;

/**
 * Where a staged recipient (one non-blank audience line) stands. Staging sets the first three; the sender
 * moves PENDING recipients to an outcome, which the delivery report prints as is.
 */
public enum RecipientState {
    /** A valid id on its first line: to be sent. */
    PENDING,
    /** Not a valid id (empty, too long, bad characters); never sent, the detail says why. */
    INVALID,
    /** The same id as an earlier valid line; never sent, the detail names that line. */
    DUPLICATE,
    /** The request carrying it succeeded and the platform did not list it as failed. */
    SENT,
    /** The platform listed it as failed, or refused the request for a reason a retry cannot fix. */
    REJECTED,
    /** No success after retries; sent again only when a person asks ({@code campaign.ResendSelection}). */
    FAILED,
    /**
     * Perhaps delivered: in flight when the process died, or answered ambiguously, on a channel that cannot safely
     * re-send; sent again only when a person asks ({@code campaign.ResendSelection}).
     */
    UNKNOWN,
    /** Never sent: the campaign was cancelled before a request carried it. */
    CANCELED,
    /**
     * On the suppression list: when staged, or when its request was about to be sent (the detail gives the list's
     * reason); never sent.
     */
    SUPPRESSED,
    /**
     * Not sent: it had had {@code campaign.frequency-cap.max} pushes on the channel within
     * {@code campaign.frequency-cap.window} when its request was about to be sent.
     */
    CAPPED,
    /**
     * Left out by a person before sending because an earlier campaign had it in its audience (or sent it); never
     * sent, the detail names that campaign and who left it out.
     */
    EXCLUDED,
    /** Not sent: the campaign's {@code notAfter} had passed before its request left. */
    EXPIRED;

    /**
     * A line staged to be sent (whatever became of it since), as opposed to an invalid, duplicate, suppressed or
     * left-out line. A recipient suppressed only at sending time was staged to be sent, and counts here too until then.
     */
    public boolean toBeSent() {
        return this != INVALID && this != DUPLICATE && this != SUPPRESSED && this != EXCLUDED;
    }
}
