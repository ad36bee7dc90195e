package dev.superapp.batch.reconciliation;

import dev.superapp.batch.platform.TradeDetail;

/**
 * What the read-only part of reconciling one order found: either the decision, or a trade still
 * processing and old enough to be closed, which {@link TradeReconciler#settle} closes and re-reads.
 * Nothing in it has changed anything on the platform, so it may be thrown away and asked again.
 *
 * @param decided    the result, when reading was enough; null when the trade is to be closed
 * @param processing the last answer, still processing, when the trade is to be closed; null otherwise
 * @param evidence   the answers so far, which the close and re-read are appended to
 */
record AskedOrder(PendingOrder order, ReconciliationResult decided, TradeDetail processing, Evidence evidence) {

    static AskedOrder decided(ReconciliationResult result) {
        return new AskedOrder(result.order(), result, null, null);
    }

    static AskedOrder toClose(PendingOrder order, TradeDetail processing, Evidence evidence) {
        return new AskedOrder(order, null, processing, evidence);
    }

    boolean needsClose() {
        return decided == null;
    }
}
