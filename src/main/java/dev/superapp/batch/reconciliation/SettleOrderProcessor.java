package dev.superapp.batch.reconciliation;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The chunk step's processor: turns what the look-ahead asked into the order's decision, closing and
 * re-reading a stale trade here, in the chunk that owns the order ({@link TradeReconciler#settle}). The
 * step runs it on many threads at once, so it holds no per-item state.
 */
final class SettleOrderProcessor implements ItemProcessor<AskedOrder, ReconciliationResult> {

    private final TradeReconciler reconciler;

    SettleOrderProcessor(TradeReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public ReconciliationResult process(AskedOrder asked) throws InterruptedException {
        return reconciler.settle(asked);
    }
}
