package dev.superapp.batch.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One trade as the platform holds it: where its status script stands, whether a close settled
 * it, and how many reads (and when the first) and closes the platform acted on (tests assert "never closed twice").
 */
final class TradeState {

    private static final int PROCESSING = 1;
    private static final int SUCCEEDED = 2;
    private static final int CLOSED = 6;

    private final SandboxTrade trade;
    private final Instant createdAt;
    private Instant modifiedAt;
    private int status;
    private boolean settledByClose;
    private int detailReads;
    private Instant firstReadAt;
    private int closeCalls;
    // CLOSES_LATE: a close answered true whose effect the next read does not show yet.
    private boolean closeLagging;
    private boolean readSinceClose;

    TradeState(SandboxTrade trade, Instant createdAt) {
        this.trade = trade;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
        // Before the first read the trade is in the first scripted state; a failing trade has none.
        this.status = trade.alwaysFails() ? 0 : trade.statuses().get(0);
    }

    SandboxTrade trade() {
        return trade;
    }

    /** A {@code tradedetail} read: moves the script one step on, unless a close already settled the trade. */
    synchronized TradeView read(Instant now) {
        if (detailReads++ == 0) {
            firstReadAt = now;
        }
        if (closeLagging) {
            closeLagging = !readSinceClose;
            if (readSinceClose) {
                changeTo(CLOSED, now);
            }
            readSinceClose = true;
        } else if (!settledByClose) {
            List<Integer> script = trade.statuses();
            changeTo(script.get(Math.min(detailReads, script.size()) - 1), now);
        }
        return view();
    }

    /**
     * A {@code tradeclose}: whether the platform closed (or, lagging, will close) the trade. A trade no longer
     * processing stays as it is.
     */
    synchronized boolean close(Instant now) {
        closeCalls++;
        if (closeLagging) {
            return true;
        }
        if (status != PROCESSING) {
            return false;
        }
        settledByClose = true;
        switch (trade.closeBehaviour()) {
            case CLOSES -> changeTo(CLOSED, now);
            case PAID_WHILE_CLOSING -> changeTo(SUCCEEDED, now);
            case CLOSES_LATE -> closeLagging = true;
        }
        return trade.closeBehaviour() != CloseBehaviour.PAID_WHILE_CLOSING;
    }

    synchronized TradeView view() {
        return new TradeView(trade, status, createdAt, modifiedAt);
    }

    synchronized int detailReads() {
        return detailReads;
    }

    /** When the platform first answered a read of this trade; null before that. */
    synchronized Instant firstReadAt() {
        return firstReadAt;
    }

    synchronized int closeCalls() {
        return closeCalls;
    }

    private void changeTo(int newStatus, Instant now) {
        if (newStatus != status) {
            status = newStatus;
            modifiedAt = now;
        }
    }
}
