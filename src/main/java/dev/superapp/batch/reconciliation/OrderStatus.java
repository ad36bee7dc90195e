package dev.superapp.batch.reconciliation;

/**
 * The status of a merchant's own payment order, as stored in {@code payment_order.status}.
 * Reconciliation reads the {@link #PENDING} ones and moves each to what the platform says.
 */
public enum OrderStatus {
    /** Not yet confirmed by the platform; the next reconciliation asks again. */
    PENDING,
    PAID,
    FAILED,
    EXPIRED,
    CANCELED,
    CLOSED,
    /** The platform's answer disagrees with ours; a person has to look. */
    REVIEW,
    /**
     * A person resolved the order as to be refunded (the customer paid, but the order will not be
     * fulfilled, or paid twice): settled, not PAID, and no longer in the exceptions queue. The refund
     * itself is made outside this service.
     */
    REFUND_NEEDED
}
