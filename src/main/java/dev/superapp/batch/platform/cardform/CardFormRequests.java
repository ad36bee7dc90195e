package dev.superapp.batch.platform.cardform;

import dev.superapp.batch.platform.PlatformEndpoint;
import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.PlatformTransport;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Builds the signed HTTP requests of the card-form OpenAPI: a JSON body
 * {@code {requestId, bizId, miniappId, operatorId, timeStamp, data, sign}} and the header
 * {@code Accept-Timezone}. {@code data} arrives as JSON text and is embedded as is, so the bytes
 * on the wire are the bytes that were signed. {@code timeStamp} (epoch ms) is fresh for every
 * attempt; the secret only goes into the signature.
 */
final class CardFormRequests {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl baseUrl;
    private final CardFormProperties properties;
    private final String operatorId;
    private final CardFormSigner signer;
    private final JsonMapper json;
    private final Clock clock;

    private CardFormRequests(HttpUrl baseUrl, CardFormProperties properties, JsonMapper json, Clock clock) {
        this.baseUrl = baseUrl;
        this.properties = properties;
        // Seed 003 makes operatorId optional; an empty one keeps the body and the signed text alike.
        this.operatorId = properties.operatorId() == null ? "" : properties.operatorId();
        this.signer = new CardFormSigner(properties.secretAccessKey());
        this.json = json;
        this.clock = clock;
    }

    /** @throws PlatformNotConfiguredException naming the first missing or unusable property */
    static CardFormRequests configured(CardFormProperties properties, PlatformTransport transport, JsonMapper json,
                                       Clock clock) {
        CardFormProperties.BASE_URL.require(properties.baseUrl());
        CardFormProperties.MINIAPP_ID.require(properties.miniappId());
        CardFormProperties.BIZ_ID.require(properties.bizId());
        CardFormProperties.SECRET_ACCESS_KEY.require(properties.secretAccessKey());
        CardFormProperties.TIMEZONE.require(properties.timezone());
        HttpUrl baseUrl = transport.baseUrl(CardFormProperties.BASE_URL, properties.baseUrl());
        try {
            ZoneId.of(properties.timezone());
        } catch (DateTimeException e) {
            throw new PlatformNotConfiguredException(
                    "cardform.timezone is not a time zone id (CARDFORM_TIMEZONE): " + properties.timezone());
        }
        return new CardFormRequests(baseUrl, properties, json, clock);
    }

    /** A fresh, signed request to {@code endpoint} carrying {@code data}, the JSON text of the data object. */
    Request build(PlatformEndpoint endpoint, String requestId, String data) {
        CardFormSignedFields fields = new CardFormSignedFields(requestId, properties.bizId(), properties.miniappId(),
                operatorId, data, Long.toString(clock.millis()));
        ObjectNode body = json.createObjectNode();
        body.put("requestId", fields.requestId());
        body.put("bizId", fields.bizId());
        body.put("miniappId", fields.miniappId());
        body.put("operatorId", fields.operatorId());
        body.put("timeStamp", fields.timeStamp());
        // The signed text itself, not a tree of it: writing a tree again could change spacing or order.
        body.putRawValue("data", new RawValue(data));
        body.put("sign", signer.sign(fields));
        return new Request.Builder()
                .url(endpoint.under(baseUrl))
                .header("Accept-Timezone", properties.timezone())
                .post(RequestBody.create(json.writeValueAsString(body), JSON_TYPE))
                .build();
    }

}
