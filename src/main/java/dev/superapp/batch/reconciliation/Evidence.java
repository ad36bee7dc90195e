package dev.superapp.batch.reconciliation;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The platform answers that led to one decision, in the order they arrived and with the time each
 * arrived ({@code tradedetail @ 2026-11-25T02:30:01.120Z: {...}}), so finance can show why an order
 * changed and what came before and after a close. Not thread-safe: one per order being reconciled.
 */
final class Evidence {

    private final StringBuilder text = new StringBuilder();
    private final Clock clock;

    Evidence(Clock clock) {
        this.clock = clock;
    }

    void add(String call, String answer) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(call).append(" @ ").append(clock.instant().truncatedTo(ChronoUnit.MILLIS)).append(": ").append(answer == null ? "(no answer)" : answer);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
