package dev.superapp.batch.campaign.audience;

import dev.superapp.batch.campaign.recipient.RecipientState;

/**
 * One audience line as {@code stageAudienceStep} stages it in {@code campaign_recipient}.
 *
 * @param recipientId the id as given (cut to 128 characters), null when empty
 * @param detail      why it is INVALID or DUPLICATE, null when PENDING
 * @param sendKey     the id on the first valid line of a recipient only, null on every other line
 */
record StagedRow(long lineNo, String recipientId, RecipientState state, String detail, String sendKey) {

    /** The first valid line of its recipient, as far as its chunk knows: an earlier chunk may have staged it already. */
    static StagedRow pending(long lineNo, String recipientId) {
        return new StagedRow(lineNo, recipientId, RecipientState.PENDING, null, recipientId);
    }

    static StagedRow duplicate(long lineNo, String recipientId, long firstLine) {
        return new StagedRow(lineNo, recipientId, RecipientState.DUPLICATE, "duplicate of line " + firstLine, null);
    }
}
