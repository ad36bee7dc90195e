package dev.superapp.batch.sandbox;

import dev.superapp.batch.platform.cardform.CardFormSignedFields;
import dev.superapp.batch.platform.cardform.CardFormSigner;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The card form's gate in front of both endpoints: a time zone in {@code Accept-Timezone}, a
 * {@code requestId}, the sandbox's {@code bizId} and {@code miniappId}, and a {@code sign} over
 * the {@code data} text exactly as received. The seed sets no freshness rule for
 * {@code timeStamp}, so none is enforced. Messages never show the secret or the expected sign.
 */
final class CardFormAuthenticator {

    private final SandboxCardForm cardForm;
    private final CardFormSigner signer;

    CardFormAuthenticator(SandboxCardForm cardForm) {
        this.cardForm = cardForm;
        this.signer = new CardFormSigner(cardForm.secretAccessKey());
    }

    /** @throws RequestRefused with the seed's code for the first check that fails */
    void check(CardFormRequest request) {
        if (!isZone(request.timezone())) {
            throw CardFormCode.VALUE_EMPTY.refused("header Accept-Timezone is missing or not a time zone");
        }
        request.required("requestId");
        if (!cardForm.bizId().equals(request.field("bizId"))) {
            throw CardFormCode.NO_SUCH_FORM.refused("bizId is missing or not a card form of this sandbox");
        }
        if (!cardForm.miniappId().equals(request.field("miniappId"))) {
            throw CardFormCode.FORM_OF_ANOTHER_MINI_APP.refused("miniappId is missing or not the form's mini program");
        }
        CardFormSignedFields signed = new CardFormSignedFields(request.field("requestId"), request.field("bizId"),
                request.field("miniappId"), request.field("operatorId"), request.rawData(), request.field("timeStamp"));
        if (!signer.verifies(signed, request.field("sign"))) {
            throw CardFormCode.BAD_SIGNATURE.refused("sign is missing or does not match the request");
        }
    }

    private static boolean isZone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(timezone.trim());
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
