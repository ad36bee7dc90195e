package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.PlatformException;

/**
 * MOS answered clearly, with an order status the reconciliation has no outcome for (see
 * {@link MosOrderStatus}). Not retried: asking again would give the same answer.
 */
public class UnmappedOrderStatusException extends PlatformException {

    private final String rawAnswer;

    UnmappedOrderStatusException(String endpoint, String status, String rawAnswer) {
        super(endpoint + " answered order status '" + status + "', which has no reconciliation outcome", null);
        this.rawAnswer = rawAnswer;
    }

    @Override
    public String rawAnswer() {
        return rawAnswer;
    }
}
