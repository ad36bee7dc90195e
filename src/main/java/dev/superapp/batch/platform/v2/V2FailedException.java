package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.PlatformException;

/**
 * A verified answer with {@code resultStatus} {@code F}: the platform says, for certain, that the
 * request failed. Not retried.
 */
public class V2FailedException extends PlatformException {

    private final String resultCode;
    private final String rawAnswer;

    V2FailedException(String endpoint, String resultCode, String resultMessage, String rawAnswer) {
        super(endpoint + " failed: " + resultCode + (resultMessage == null ? "" : " " + resultMessage), null);
        this.resultCode = resultCode;
        this.rawAnswer = rawAnswer;
    }

    /** {@code result.resultCode}, e.g. {@code ORDER_NOT_EXIST}. */
    public String resultCode() {
        return resultCode;
    }

    @Override
    public String rawAnswer() {
        return rawAnswer;
    }
}
