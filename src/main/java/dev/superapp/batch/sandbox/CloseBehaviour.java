package dev.superapp.batch.sandbox;

/** What {@code tradeclose} does to a trade that is still processing (status 1). */
public enum CloseBehaviour {
    /** Answers {@code true}; the trade becomes closed (6). */
    CLOSES,
    /** The customer pays at the last second: answers {@code false}; the trade becomes succeeded (2). */
    PAID_WHILE_CLOSING,
    /**
     * A close that lags its answer, as a platform that closes asynchronously: answers {@code true}, but the
     * next {@code tradedetail} still says processing (1); the read after that says closed (6).
     */
    CLOSES_LATE
}
