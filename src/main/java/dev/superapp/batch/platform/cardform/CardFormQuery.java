package dev.superapp.batch.platform.cardform;

import java.util.List;

/**
 * What {@code getCardForm} asks about (seed 003 {@code GetCardFormReceiverInfoDTO}).
 *
 * @param uniqueId the card's receiver
 * @param keyword  may be null
 * @param labels   null means none
 */
public record CardFormQuery(String uniqueId, String keyword, List<CardFormLabel> labels) {

    public CardFormQuery {
        if (uniqueId == null || uniqueId.isBlank()) {
            throw new IllegalArgumentException("a card form query needs a uniqueId");
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
