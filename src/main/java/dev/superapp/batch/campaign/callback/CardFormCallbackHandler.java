package dev.superapp.batch.campaign.callback;

import dev.superapp.batch.campaign.sending.PushRequestStore;
import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.cardform.CardFormProperties;
import dev.superapp.batch.platform.cardform.CardFormSignedFields;
import dev.superapp.batch.platform.cardform.CardFormSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
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
 * {@code bizId} and the {@code miniappId} are right and {@code timeStamp} (epoch ms, as the seed's requests
 * carry it) is within {@link #CLOCK_TOLERANCE} of our clock, either way. A callback already applied (same
 * {@code requestId} and {@code sign}: the platform repeating it) is answered 200 again and changes nothing,
 * however old; the order between callbacks is kept by {@link CallbackStore}. When the campaign's report was
 * already written, {@link LateCallbackReports} brings it up to date.
 */
@Component
public class CardFormCallbackHandler {

    /** The platform's own tolerance for our requests' timestamps (DESIGN, "Platform behaviour"). */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final CallbackStore store;
    private final LateCallbackReports reports;
    private final CardFormProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    CardFormCallbackHandler(CallbackStore store, LateCallbackReports reports, CardFormProperties properties,
                            JsonMapper json, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
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
        if (store.callbackApplied(callback.requestId(), callback.sign())) {
            return reply(200, "already applied; nothing changed");
        }
        Long timeStamp = timeStampOf(callback);
        if (timeStamp == null || Math.abs(clock.millis() - timeStamp) > CLOCK_TOLERANCE.toMillis()) {
            return reply(401, "timeStamp must be epoch milliseconds within 5 minutes of our clock");
        }
        List<String> carried = store.recipientIdsOf(callback.requestId());
        if (carried.isEmpty()) {
            return reply(404, "no request " + callback.requestId());
        }
        try {
            int changed = store.recordCallback(verdict(callback, timeStamp, carried));
            if (changed > 0) {
                store.campaignOfRequest(callback.requestId()).ifPresent(reports::refresh);
            }
            return reply(200, "updated " + changed + " recipient(s)");
        } catch (DuplicateKeyException sameCallbackAtOnce) {
            return reply(200, "already applied; nothing changed");
        }
    }

    private static CallbackVerdict verdict(CardFormCallback callback, long timeStamp, List<String> carried) {
        return callback.code() == 0
                ? new CallbackVerdict(callback.requestId(), callback.sign(), timeStamp, callback.successUniqueId(),
                        callback.errorUniqueId(), "listed as failed by the card form's callback")
                : new CallbackVerdict(callback.requestId(), callback.sign(), timeStamp, List.of(), carried,
                        "the card form's callback refused the request: code " + callback.code() + " "
                                + shortened(callback.message()));
    }

    private static Long timeStampOf(CardFormCallback callback) {
        String text = callback.timeStamp();
        return text != null && text.matches("\\d{1,15}") ? Long.valueOf(text) : null;
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
