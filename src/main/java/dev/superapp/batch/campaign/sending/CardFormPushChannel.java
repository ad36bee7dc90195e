package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.definition.CardFormSettings;
import dev.superapp.batch.platform.cardform.CardFormClient;
import dev.superapp.batch.platform.cardform.CardFormContent;
import dev.superapp.batch.platform.cardform.CardFormSendResult;
import dev.superapp.batch.platform.PlatformRejectedException;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import java.util.function.BooleanSupplier;

/**
 * Card-form material through {@code sendCardForm} (seed 003). The platform de-duplicates by
 * requestId, so a request in doubt is sent again with the same id; recipients it lists in
 * {@code errorUniqueId} are REJECTED.
 */
final class CardFormPushChannel implements PushChannel {

    /** Seed 003: "User unique ID does not exist", the one refusal that says a recipient can never receive. */
    static final int UNKNOWN_UNIQUE_ID = 30001;

    private final CardFormClient client;
    private final CardFormContent content;
    private final JsonMapper json;

    CardFormPushChannel(CardFormClient client, CardFormSettings settings, JsonMapper json) {
        this.client = client;
        this.json = json;
        // The platform takes the form's fields as one JSON string.
        this.content = new CardFormContent(json.writeValueAsString(settings.text()), settings.keyword(), settings.labels());
    }

    @Override
    public PushAnswer send(PushRequest request, BooleanSupplier mayLeave) {
        CardFormSendResult result = client.sendCardForm(request.requestId(), content, request.recipientIds(), mayLeave);
        return PushAnswer.acknowledged(Set.copyOf(result.errorUniqueId()), result.rawAnswer());
    }

    @Override
    public boolean resendable() {
        return true;
    }

    /**
     * On a 30001 refusal, the uniqueIds its {@code data.errorUniqueId} lists (only those the request carried), or,
     * when it lists none, the request's one recipient if it had one; with several and no list nobody can tell which.
     */
    @Override
    public Set<String> cannotReceive(PushRequest request, PlatformRejectedException refusal) {
        if (refusal.status() != UNKNOWN_UNIQUE_ID) {
            return Set.of();
        }
        Set<String> carried = new HashSet<>(request.recipientIds());
        Set<String> listed = new HashSet<>();
        try {
            json.readTree(refusal.rawAnswer() == null ? "{}" : refusal.rawAnswer()).path("data").path("errorUniqueId").forEach(id -> {
                if (id.isString() && carried.contains(id.stringValue())) {
                    listed.add(id.stringValue());
                }
            });
        } catch (JacksonException | IllegalArgumentException unreadable) {
            // no list to go by
        }
        return !listed.isEmpty() ? listed : carried.size() == 1 ? carried : Set.of();
    }
}
