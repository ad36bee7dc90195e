package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.definition.CardFormSettings;
import dev.superapp.batch.platform.cardform.CardFormClient;
import dev.superapp.batch.platform.cardform.CardFormContent;
import dev.superapp.batch.platform.cardform.CardFormSendResult;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import java.util.function.BooleanSupplier;

/**
 * Card-form material through {@code sendCardForm} (seed 003). The platform de-duplicates by
 * requestId, so a request in doubt is sent again with the same id; recipients it lists in
 * {@code errorUniqueId} are REJECTED.
 */
final class CardFormPushChannel implements PushChannel {

    private final CardFormClient client;
    private final CardFormContent content;

    CardFormPushChannel(CardFormClient client, CardFormSettings settings, JsonMapper json) {
        this.client = client;
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
}
