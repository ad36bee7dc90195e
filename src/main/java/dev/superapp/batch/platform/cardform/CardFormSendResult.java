package dev.superapp.batch.platform.cardform;

import java.util.List;

/**
 * What {@code sendCardForm} answered with code 0. A uniqueId the platform listed in neither list
 * was not refused: the request carrying it succeeded.
 *
 * @param successUniqueId the uniqueIds the platform updated
 * @param errorUniqueId   the uniqueIds it could not update, e.g. unknown ones; never re-sent as they are
 * @param rawAnswer       the answer body exactly as received, its unverifiable {@code sign} included, kept as evidence
 */
public record CardFormSendResult(List<String> successUniqueId, List<String> errorUniqueId, String rawAnswer) {

    public CardFormSendResult {
        successUniqueId = List.copyOf(successUniqueId);
        errorUniqueId = List.copyOf(errorUniqueId);
    }
}
