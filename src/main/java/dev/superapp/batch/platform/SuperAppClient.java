package dev.superapp.batch.platform;

/**
 * The SuperApp OpenAPI (seed 001): trade queries and closing, notifications and activity cards.
 * One instance per configured platform; thread-safe.
 */
public class SuperAppClient {

    /**
     * {@code GET /neuopenapi/pay/transactions/tradedetail}, retried while the answer is not trustworthy.
     *
     * @throws TradeNotFoundException        the platform says the trade does not exist
     * @throws PlatformRejectedException     refused for a reason a retry cannot fix
     * @throws PlatformUnavailableException  no usable answer within the retry budget
     */
    public TradeDetail tradeDetail(String tradeNo) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** {@code POST /neuopenapi/pay/transactions/tradeclose}; safe to repeat. Same exceptions as {@link #tradeDetail}. */
    public CloseAnswer tradeClose(String tradeNo) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
