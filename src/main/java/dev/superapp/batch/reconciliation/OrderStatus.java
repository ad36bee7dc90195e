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
    REVIEW
}
