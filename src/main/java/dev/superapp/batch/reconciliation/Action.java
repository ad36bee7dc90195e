package dev.superapp.batch.reconciliation;

/** What reconciliation did to the local order (the report's {@code action} column). */
public enum Action {
    MARK_PAID, FLAG_REVIEW, MARK_FAILED, MARK_EXPIRED, MARK_CANCELED, MARK_CLOSED, CLOSE_TRADE, NONE
}
