package dev.superapp.batch.reconciliation.review;

/**
 * Which open orders to list.
 *
 * @param outcome    only orders whose latest decision is this outcome; empty for all
 * @param minAgeDays only orders at least this many days old; 0 for all
 * @param currency   only orders in this currency; empty for all
 */
public record QueueFilter(String outcome, int minAgeDays, String currency) {

    public static final QueueFilter ALL = new QueueFilter("", 0, "");

    public QueueFilter {
        outcome = outcome == null ? "" : outcome;
        currency = currency == null ? "" : currency;
        if (minAgeDays < 0) {
            throw new IllegalArgumentException("minAgeDays must not be negative, was " + minAgeDays);
        }
    }
}
