package dev.superapp.batch.reconciliation;

/**
 * How one order compared with the platform (the report's {@code outcome} column), with the
 * action it leads to and the order's new local status, exactly as DESIGN.md's table says.
 */
public enum Outcome {
    MATCHED(Action.MARK_PAID, OrderStatus.PAID),
    AMOUNT_MISMATCH(Action.FLAG_REVIEW, OrderStatus.REVIEW),
    CURRENCY_MISMATCH(Action.FLAG_REVIEW, OrderStatus.REVIEW),
    OPENID_MISMATCH(Action.FLAG_REVIEW, OrderStatus.REVIEW),
    PAYMENT_FAILED(Action.MARK_FAILED, OrderStatus.FAILED),
    EXPIRED(Action.MARK_EXPIRED, OrderStatus.EXPIRED),
    CANCELED(Action.MARK_CANCELED, OrderStatus.CANCELED),
    CLOSED(Action.MARK_CLOSED, OrderStatus.CLOSED),
    CLOSED_STALE(Action.CLOSE_TRADE, OrderStatus.CLOSED),
    STILL_PROCESSING(Action.NONE, OrderStatus.PENDING),
    MISSING_ON_PLATFORM(Action.FLAG_REVIEW, OrderStatus.REVIEW),
    NO_TRADE_NO(Action.FLAG_REVIEW, OrderStatus.REVIEW),
    ERROR(Action.NONE, OrderStatus.PENDING);

    private final Action action;
    private final OrderStatus newStatus;

    Outcome(Action action, OrderStatus newStatus) {
        this.action = action;
        this.newStatus = newStatus;
    }

    public Action action() {
        return action;
    }

    public OrderStatus newStatus() {
        return newStatus;
    }

    /** Follows from the new status: PENDING is still open, REVIEW needs a person, every other status is settled. */
    public OutcomeKind kind() {
        return switch (newStatus) {
            case PENDING -> OutcomeKind.STILL_OPEN;
            case REVIEW -> OutcomeKind.NEEDS_PERSON;
            default -> OutcomeKind.SETTLED;
        };
    }
}
