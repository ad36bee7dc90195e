package dev.superapp.batch.reconciliation;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The chunk step's processor: decides each order against the platform. The step runs it on many
 * threads at once, so it holds no per-item state.
 */
final class ReconcileOrderProcessor implements ItemProcessor<PendingOrder, ReconciliationResult> {

    private final TradeReconciler reconciler;

    ReconcileOrderProcessor(TradeReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public ReconciliationResult process(PendingOrder order) throws InterruptedException {
        return reconciler.reconcile(order);
    }
}
