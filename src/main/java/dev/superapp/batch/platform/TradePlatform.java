package dev.superapp.batch.platform;

import java.util.Optional;

/**
 * What the reconciliation needs from a payment platform, whatever its protocol: what happened to
 * one order, and closing a stale one. The reconciliation picks one implementation by
 * {@code reconciliation.platform} and knows nothing else about it.
 *
 * <p>Every {@link TradeDetail} returned is trustworthy: its status is mapped onto
 * {@code transactionStatus} 1..6 of seed 001, and its amount is in cents.
 */
public interface TradePlatform {

    /** The value of {@code reconciliation.platform} that selects this platform, e.g. {@code superapp}. */
    String id();

    /**
     * Whether the order carries the number this platform is asked by; if not, the order is
     * reported {@code NO_TRADE_NO} without asking.
     */
    boolean canAskAbout(TradeRef trade);

    /**
     * What the platform says about the order now; safe to repeat.
     *
     * @throws TradeNotFoundException        the platform does not know the order
     * @throws PlatformException             no usable answer, or a refusal
     * @throws PlatformNotConfiguredException the platform's settings are missing
     */
    TradeDetail tradeDetail(TradeRef trade);

    /**
     * Asks the platform to close a trade still processing; safe to repeat, and the caller re-reads
     * the detail before trusting any outcome. Empty when the platform has no way to close a trade
     * (it expires unpaid orders on its own): nothing was sent.
     *
     * @throws PlatformException as {@link #tradeDetail}
     */
    Optional<CloseAnswer> tradeClose(TradeRef trade);

    /**
     * Checks the settings before a run starts, so a missing one is reported as such.
     *
     * @throws PlatformNotConfiguredException naming the first missing or unusable property
     */
    void requireConfigured();
}
