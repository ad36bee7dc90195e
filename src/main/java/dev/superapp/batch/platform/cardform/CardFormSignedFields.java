package dev.superapp.batch.platform.cardform;

/**
 * The request fields a card-form {@code sign} covers (seed 003), each exactly as it travels.
 * A null field signs as the empty string.
 *
 * @param data the {@code data} object as JSON text, byte for byte as it is in the body: the
 *             signature covers that text, so re-serializing it (other spacing, other key order)
 *             would break the signature
 */
public record CardFormSignedFields(String requestId, String bizId, String miniappId, String operatorId,
                                   String data, String timeStamp) {

    /** {@code requestId=..&bizId=..&miniappId=..&operatorId=..&data=..&timeStamp=..}, in exactly this order. */
    String signingText() {
        return "requestId=" + text(requestId) + "&bizId=" + text(bizId) + "&miniappId=" + text(miniappId)
                + "&operatorId=" + text(operatorId) + "&data=" + text(data) + "&timeStamp=" + text(timeStamp);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
