package dev.superapp.batch.reconciliation;

/**
 * What an outcome means for closing the books: the control totals, the alerts and the console's chart group
 * outcomes by these three kinds.
 */
public enum OutcomeKind {
    /** The order reached a final status the platform confirmed (paid, failed, expired, canceled, closed). */
    SETTLED("settled"),
    /** The platform disagrees with us or does not know the trade (REVIEW): a person has to decide. */
    NEEDS_PERSON("needs a person"),
    /** No final answer yet (still processing, or no trustworthy answer): the order stays PENDING. */
    STILL_OPEN("still open");

    private final String label;

    OutcomeKind(String label) {
        this.label = label;
    }

    /** For people: {@code needs a person}. */
    public String label() {
        return label;
    }
}
