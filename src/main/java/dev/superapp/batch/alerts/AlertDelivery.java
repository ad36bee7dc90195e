package dev.superapp.batch.alerts;

/**
 * One attempt to deliver a run's alerts.
 *
 * @param channel   {@code webhook} or {@code mail}
 * @param delivered whether the receiver accepted it
 * @param detail    why not, or where it went
 */
public record AlertDelivery(String channel, boolean delivered, String detail) {
}
