package dev.superapp.batch.reconciliation;

/**
 * The platform answers that led to one decision, in the order they arrived, so finance can show
 * why an order changed. Not thread-safe: one per order being reconciled.
 */
final class Evidence {

    private final StringBuilder text = new StringBuilder();

    void add(String call, String answer) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(call).append(": ").append(answer == null ? "(no answer)" : answer);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
