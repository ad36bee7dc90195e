package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.platform.ActivityMessage;
import dev.superapp.batch.platform.SuperAppClient;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Home-page activity cards through {@code sendActivity}; the platform de-duplicates by activityId. */
final class ActivityPushChannel implements PushChannel {

    private final SuperAppClient client;
    private final ActivityMessage message;

    ActivityPushChannel(SuperAppClient client, ActivitySettings settings) {
        this.client = client;
        this.message = new ActivityMessage(settings.activityId(), settings.templateId(), settings.color(),
                settings.title(), settings.text(), settings.iconUrl(), settings.path(), settings.status(),
                settings.validityTime(), settings.language());
    }

    @Override
    public PushAnswer send(PushRequest request, BooleanSupplier mayLeave) {
        return PushAnswer.acknowledged(Set.of(), client.sendActivity(message, request.recipientIds(), mayLeave));
    }

    @Override
    public boolean resendable() {
        return true;
    }
}
