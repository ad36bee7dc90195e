package dev.superapp.batch.sandbox;

/** What {@code tradeclose} does to a trade that is still processing (status 1). */
public enum CloseBehaviour {
    /** Answers {@code true}; the trade becomes closed (6). */
    CLOSES,
    /** The customer pays at the last second: answers {@code false}; the trade becomes succeeded (2). */
    PAID_WHILE_CLOSING
}
