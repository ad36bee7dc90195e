package dev.superapp.batch.platform.cardform;

import java.util.List;

/**
 * The material of a {@code sendCardForm} (seed 003 {@code CardFormInfoRequestDTO}), without its uniqueIds.
 *
 * @param text    the form's fields as a JSON object in text, e.g. {@code {"imageUrl":"...","clickUrl":"..."}};
 *                the platform takes it as a string and checks its deep links strictly
 * @param keyword may be null; required by the platform only for full-search cards
 * @param labels  recipient labels; the platform ignores them when uniqueIds are given; null means none
 */
public record CardFormContent(String text, String keyword, List<CardFormLabel> labels) {

    public CardFormContent {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a card form needs its text");
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
