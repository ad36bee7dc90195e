package dev.superapp.batch.platform.dictionary;

import dev.superapp.batch.platform.TradeDetail;
import java.util.Arrays;
import java.util.Optional;

/**
 * The result of a payment as the super app tells the mini program ({@code PaymentResult.resultCode}
 * of the data dictionary, seed 004), with its underlying numeric code, and the
 * {@code transactionStatus} of seed 001 that says the same thing, so a report can show both side by side.
 */
public enum PaymentResultCode {

    /** 9000 {@code PAY_SUCCESS}: the payment has succeeded. */
    CODE_SUCCESS(9000, "PAY_SUCCESS", "the payment has succeeded", TradeDetail.SUCCEEDED),
    /** 8000 {@code PAY_PENDING}: the payment is pending. */
    CODE_PENDING(8000, "PAY_PENDING", "the payment is pending", TradeDetail.PROCESSING),
    /** 4000 {@code PAY_FAILURE}: the payment has failed. */
    CODE_FAILURE(4000, "PAY_FAILURE", "the payment has failed", TradeDetail.FAILED),
    /** 6001 {@code USER_CANCEL}: the user canceled the payment. */
    CODE_USER_CANCEL(6001, "USER_CANCEL", "the user canceled the payment", TradeDetail.CANCELED);

    private final int code;
    private final String underlyingName;
    private final String meaning;
    private final int transactionStatus;

    PaymentResultCode(int code, String underlyingName, String meaning, int transactionStatus) {
        this.code = code;
        this.underlyingName = underlyingName;
        this.meaning = meaning;
        this.transactionStatus = transactionStatus;
    }

    /** The underlying numeric code, e.g. 9000. */
    public int code() {
        return code;
    }

    /** The underlying name, e.g. {@code PAY_SUCCESS}. */
    public String underlyingName() {
        return underlyingName;
    }

    /** What the seed says it means, for a person reading a report. */
    public String meaning() {
        return meaning;
    }

    /** The {@code tradedetail.transactionStatus} (seed 001) with the same meaning. */
    public int transactionStatus() {
        return transactionStatus;
    }

    /** By numeric code (9000) or by name, as either {@code CODE_SUCCESS} or {@code PAY_SUCCESS}. */
    public static Optional<PaymentResultCode> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        return Arrays.stream(values())
                .filter(value -> value.name().equals(trimmed) || value.underlyingName.equals(trimmed)
                        || Integer.toString(value.code).equals(trimmed))
                .findFirst();
    }

    /** For a report cell: {@code 9000 PAY_SUCCESS (the payment has succeeded)}. */
    public String describe() {
        return code + " " + underlyingName + " (" + meaning + ")";
    }
}
