package dev.superapp.batch.campaign.suppression;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One recipient who must never get a push on the channels of its id kind.
 *
 * @param reason  a person's words, or the platform's refusal that added it
 * @param addedBy the console user, {@code os:<user>} for the command line, or {@link SuppressionList#BY_PLATFORM}
 */
public record Suppression(RecipientIdKind kind, String recipientId, String reason, String addedBy, Instant addedAt) {

    /** {@link #addedAt} as the console shows times: UTC wall-clock. */
    public LocalDateTime addedAtUtc() {
        return LocalDateTime.ofInstant(addedAt, ZoneOffset.UTC);
    }
}
