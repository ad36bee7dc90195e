package dev.superapp.batch.reconciliation;

import dev.superapp.batch.platform.PlatformException;
import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.TradePlatform;
import dev.superapp.batch.platform.TradeRef;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reconciliation's own decision for one order, on demand: what a person's "re-check now" runs. It is
 * the job's {@link TradeReconciler} with the configured settings (polling while processing, closing a stale
 * trade and re-reading it), and the job writer's rule that a trade already paying another order pays no
 * second one. Also reads what the platform says about an order without deciding anything, for the audit
 * trail of a resolution.
 */
@Component
public class OrderRecheck {

    private final ReconciliationPlatform platforms;
    private final Clock clock;
    private final ReconciliationProperties properties;
    private final JdbcClient jdbc;

    OrderRecheck(ReconciliationPlatform platforms, Clock clock, ReconciliationProperties properties, JdbcClient jdbc) {
        this.platforms = platforms;
        this.clock = clock;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /**
     * Asks the platform now and decides as the job would; the caller applies the outcome.
     *
     * @throws PlatformNotConfiguredException when the platform's settings are missing
     */
    public ReconciliationResult recheck(PendingOrder order) throws InterruptedException {
        TradePlatform platform = platforms.chosen();
        platform.requireConfigured();
        ReconciliationSettings settings = new ReconciliationSettings(properties.closeAfter(), properties.pollAttempts(),
                properties.pollInterval());
        ReconciliationResult result = new TradeReconciler(platform, clock, settings).reconcile(order);
        if (result.outcome() != Outcome.MATCHED || order.tradeNo() == null || order.tradeNo().isEmpty()) {
            return result;
        }
        return jdbc.sql("SELECT out_trade_no FROM payment_order WHERE paid_trade_no = ? AND id <> ?")
                .params(order.tradeNo(), order.id()).query(String.class).optional()
                .map(paying -> {
                    OrderClassifier.Verdict review = OrderClassifier.tradeAlreadyPays(order, paying);
                    return new ReconciliationResult(order, review.outcome(), result.platform(), review.detail(),
                            result.evidence());
                })
                .orElse(result);
    }

    /** The platform's answer about the order right now, as received, or why there is none; decides nothing. */
    public String currentAnswer(PendingOrder order) {
        try {
            TradePlatform platform = platforms.chosen();
            TradeRef trade = new TradeRef(order.outTradeNo(), order.tradeNo());
            if (!platform.canAskAbout(trade)) {
                return "(not asked: the order has no trade number)";
            }
            platform.requireConfigured();
            return "tradedetail @ " + clock.instant() + ": " + platform.tradeDetail(trade).rawAnswer();
        } catch (PlatformNotConfiguredException e) {
            return "(not asked: " + e.getMessage() + ")";
        } catch (PlatformException e) {
            return "(no usable answer: " + e.getMessage() + ")" + (e.rawAnswer() == null ? "" : " " + e.rawAnswer());
        }
    }
}
