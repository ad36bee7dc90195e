package dev.superapp.batch.reconciliation.review;

import dev.superapp.batch.reconciliation.OrderStatus;

/**
 * What a person decides about an order of the exceptions queue ({@code resolve --as=...}, the console's
 * buttons). Each but {@link #RECHECK} sets a status; a re-check asks the platform and decides as the job would.
 */
public enum Resolution {
    /** Accept as paid: finance has other proof the money arrived. */
    PAID(OrderStatus.PAID, "accepted as paid"),
    /** The payment did not happen. */
    FAILED(OrderStatus.FAILED, "marked failed"),
    /** Money arrived that must go back (e.g. paid twice, or the amount differs); settled, not PAID. */
    REFUND_NEEDED(OrderStatus.REFUND_NEEDED, "marked refund needed"),
    /** Ask the platform again at once. */
    RECHECK(null, "re-checked");

    private final OrderStatus status;
    private final String done;

    Resolution(OrderStatus status, String done) {
        this.status = status;
        this.done = done;
    }

    /** The status this resolution sets; null for {@link #RECHECK}, whose outcome decides. */
    public OrderStatus status() {
        return status;
    }

    /** What was done, as a person says it: {@code accepted as paid}. */
    public String done() {
        return done;
    }
}
