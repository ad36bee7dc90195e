package dev.superapp.batch.alerts;

/**
 * One rule that fired for a run.
 *
 * @param rule    the property that sets the rule's threshold, e.g. {@code alerts.max-mismatches}
 * @param message what happened, in one sentence for people; never a secret
 */
public record Alert(String rule, String message) {
}
