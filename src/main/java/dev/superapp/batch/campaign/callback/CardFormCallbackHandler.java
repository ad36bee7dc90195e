package dev.superapp.batch.campaign.callback;

import dev.superapp.batch.campaign.sending.PushRequestStore;
import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.cardform.CardFormProperties;
import dev.superapp.batch.platform.cardform.CardFormSignedFields;
import dev.superapp.batch.platform.cardform.CardFormSigner;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The card form's asynchronous answer to a {@code sendCardForm} (seed 003, 4.2), free of any web
 * framework: give it the request body, send back the {@link Reply}. A verified callback moves the
 * recipients of its {@code requestId} in {@code campaign_recipient} to SENT ({@code successUniqueId})
 * or REJECTED ({@code errorUniqueId}, or all of them when {@code returInfo.code} is not 0).
 *
 * <p>Expected body (see {@link CardFormCallback}): {@code requestId}, {@code bizId},
 * {@code miniappId}, {@code operatorId}, {@code timeStamp}, {@code returInfo} and {@code sign}.
 * The seed gives the callback no scheme of its own, so its {@code sign} is checked as the requests'
 * is: {@link CardFormSigner} over those fields in the requests' order, with {@code returInfo} as
 * its exact received text in the place of {@code data}. Nothing changes unless the sign, the
 * {@code bizId} and the {@code miniappId} are right.
 */
@Component
public class CardFormCallbackHandler {

    private final PushRequestStore store;
    private final CardFormProperties properties;
    private final JsonMapper json;

    CardFormCallbackHandler(PushRequestStore store, CardFormProperties properties, JsonMapper json) {
        this.store = store;
        this.properties = properties;
        this.json = json;
    }

    /** An HTTP status and a JSON body {@code {"code":N,"message":"..."}} to answer the platform with. */
    public record Reply(int status, String body) {
    }

    /** Handles one callback body; never throws for anything the caller sent. */
    public Reply handle(String body) {
        CardFormCallback callback;
        try {
            callback = CardFormCallback.parse(json, body);
        } catch (IllegalArgumentException e) {
            return reply(400, e.getMessage());
        }
        CardFormSigner signer;
        try {
            signer = signer();
        } catch (PlatformNotConfiguredException e) {
            return reply(503, e.getMessage());
        }
        CardFormSignedFields signed = new CardFormSignedFields(callback.requestId(), callback.bizId(),
                callback.miniappId(), callback.operatorId(), callback.rawReturnInfo(), callback.timeStamp());
        if (!properties.bizId().equals(callback.bizId()) || !properties.miniappId().equals(callback.miniappId())
                || !signer.verifies(signed, callback.sign())) {
            return reply(401, "sign, bizId or miniappId is not right");
        }
        List<String> carried = store.recipientIdsOf(callback.requestId());
        if (carried.isEmpty()) {
            return reply(404, "no request " + callback.requestId());
        }
        int changed = callback.code() == 0
                ? store.recordCallback(callback.requestId(), callback.successUniqueId(), callback.errorUniqueId(),
                        "listed as failed by the card form's callback")
                : store.recordCallback(callback.requestId(), List.of(), carried,
                        "the card form's callback refused the request: code " + callback.code() + " "
                                + shortened(callback.message()));
        return reply(200, "updated " + changed + " recipient(s)");
    }

    /** The platform's wording, cut to fit the recipient's detail column (500) with room for ours. */
    private static String shortened(String message) {
        return message == null || message.length() <= 300 ? String.valueOf(message) : message.substring(0, 300) + "...";
    }

    private CardFormSigner signer() {
        String key = properties.secretAccessKey();
        if (key == null || key.isBlank() || properties.bizId() == null || properties.miniappId() == null) {
            throw new PlatformNotConfiguredException("cardform.biz-id, cardform.miniapp-id and "
                    + "cardform.secret-access-key are needed to verify callbacks");
        }
        return new CardFormSigner(key);
    }

    private Reply reply(int status, String message) {
        return new Reply(status, json.writeValueAsString(Map.of("code", status == 200 ? 0 : status,
                "message", message)));
    }
}
