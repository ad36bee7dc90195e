package dev.superapp.batch.reconciliation;

/** The merchant's own status of a payment order, as kept in {@code payment_order.status}. */
public enum OrderStatus {
    PENDING, PAID, FAILED, EXPIRED, CANCELED, CLOSED, REVIEW
}
