package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.definition.NotifySettings;
import dev.superapp.batch.platform.NotifyMessage;
import dev.superapp.batch.platform.SuperAppClient;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Notifications through {@code sendNotify}. The platform does not de-duplicate them: never re-sent. */
final class NotifyPushChannel implements PushChannel {

    private final SuperAppClient client;
    private final NotifyMessage message;

    NotifyPushChannel(SuperAppClient client, NotifySettings settings) {
        this.client = client;
        this.message = new NotifyMessage(settings.notifyType(), settings.title(), settings.text(),
                settings.navigateType(), settings.url(), settings.link(), settings.language());
    }

    @Override
    public PushAnswer send(PushRequest request, BooleanSupplier mayLeave) {
        return PushAnswer.acknowledged(Set.of(), client.sendNotify(message, request.recipientIds(), mayLeave));
    }

    @Override
    public boolean resendable() {
        return false;
    }
}
