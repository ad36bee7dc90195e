package dev.superapp.batch.campaign.recipient;

/**
 * One staged audience line, as read back for the sender and the delivery report.
 *
 * @param lineNo      the physical line of the audience file (the header is line 1)
 * @param recipientId the id as given, cut to 128 characters; null when the line's id was empty
 * @param detail      why it is INVALID, which line it duplicates, or the sender's note, after who resent it and
 *                    when if it was resent; null when none
 * @param chunkNo     the sender's chunk that carried it, null until sent
 * @param requestId   the request that carried it, null until sent
 */
public record CampaignRecipient(long lineNo, String recipientId, RecipientState state, String detail, Long chunkNo,
                                String requestId) {
}
