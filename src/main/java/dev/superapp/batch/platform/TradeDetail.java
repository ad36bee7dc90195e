package dev.superapp.batch.platform;

/**
 * What {@code tradedetail} said about one trade, parsed strictly from a status-200 answer.
 *
 * @param tradeNo           the platform's transaction number
 * @param outTradeNo        the merchant's order number
 * @param amount            cents
 * @param currency          e.g. {@code USD}
 * @param openId            the payer's openId under this mini app
 * @param transactionStatus 1 processing, 2 succeeded, 3 failed, 4 expired, 5 canceled, 6 closed
 * @param rawAnswer         the answer body exactly as received, kept as evidence
 */
public record TradeDetail(String tradeNo, String outTradeNo, long amount, String currency, String openId,
                          int transactionStatus, String rawAnswer) {

    public static final int PROCESSING = 1;
    public static final int SUCCEEDED = 2;
    public static final int FAILED = 3;
    public static final int EXPIRED = 4;
    public static final int CANCELED = 5;
    public static final int CLOSED = 6;

    /** The seed's name of a {@code transactionStatus}, as people read it: {@code succeeded} for 2. */
    public static String statusName(int transactionStatus) {
        return switch (transactionStatus) {
            case PROCESSING -> "processing";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case EXPIRED -> "expired";
            case CANCELED -> "canceled";
            case CLOSED -> "closed";
            default -> "status " + transactionStatus;
        };
    }

    public boolean processing() {
        return transactionStatus == PROCESSING;
    }
}
