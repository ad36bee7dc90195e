package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.recipient.RecipientState;
import java.util.Set;

/**
 * How one request went.
 *
 * @param refused   recipients the platform listed as failed although the request succeeded (card form)
 * @param detail    why, for the report; null when everything went through
 * @param rawAnswer the platform's answer, kept as evidence; null when none came
 * @param cannotReceive recipients the platform's refusal says can never receive (card form 30001, "User unique ID
 *                  does not exist"): added to the suppression list with {@code detail} as the reason
 */
public record PushAnswer(RequestState state, Set<String> refused, String detail, String rawAnswer,
                         Set<String> cannotReceive) {

    public PushAnswer {
        refused = Set.copyOf(refused);
        cannotReceive = Set.copyOf(cannotReceive);
    }

    public static PushAnswer acknowledged(Set<String> refused, String rawAnswer) {
        return new PushAnswer(RequestState.ACKNOWLEDGED, refused,
                refused.isEmpty() ? null : "listed as failed by the platform", rawAnswer, Set.of());
    }

    static PushAnswer of(RequestState state, String detail, String rawAnswer) {
        return new PushAnswer(state, Set.of(), detail, rawAnswer, Set.of());
    }

    /** A refused request whose refusal names recipients that cannot receive. */
    static PushAnswer refusedFor(Set<String> cannotReceive, String detail, String rawAnswer) {
        return new PushAnswer(RequestState.REJECTED, Set.of(), detail, rawAnswer, cannotReceive);
    }

    /** What happened to one recipient of the request. */
    RecipientState outcomeOf(String recipientId) {
        return switch (state) {
            case ACKNOWLEDGED -> refused.contains(recipientId) ? RecipientState.REJECTED : RecipientState.SENT;
            case REJECTED -> RecipientState.REJECTED;
            case FAILED -> RecipientState.FAILED;
            case UNKNOWN, IN_FLIGHT -> RecipientState.UNKNOWN;
            case EXPIRED -> RecipientState.EXPIRED;
        };
    }
}
