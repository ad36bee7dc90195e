package dev.superapp.batch.platform;

/**
 * The numbers by which a merchant order is known, so that each {@link TradePlatform} can ask about
 * it by the one it uses: SuperApp by {@code tradeNo}, MOS by {@code outTradeNo}.
 *
 * @param outTradeNo the merchant's own order number
 * @param tradeNo    the platform's transaction number; null when the trade was never created
 */
public record TradeRef(String outTradeNo, String tradeNo) {
}
