package dev.superapp.batch.reconciliation;

import java.time.LocalDateTime;

/**
 * One change a person made to an order outside reconciliation, as {@code order_audit} keeps it.
 *
 * @param kind           {@code RESOLUTION} (the exceptions queue), {@code IMPORT} (a forced import) or
 *                       {@code MIGRATION} (V16 moving a second PAID order on one trade to REVIEW)
 * @param resolution     the action of a resolution ({@code PAID}, {@code FAILED}, {@code REFUND_NEEDED},
 *                       {@code RECHECK}); null for an import
 * @param actor          who: {@code console:<user>} or {@code os:<user>} (the operating-system user of a command)
 * @param changedAt      when, UTC
 * @param valuesBefore   the values an import changed, as they were ({@code amount=100, status=PAID}); null otherwise
 * @param valuesAfter    the same values as the import left them
 * @param outcome        a re-check's outcome; null otherwise
 * @param detail         why the status moved (or not) as it did
 * @param platformAnswer what the platform said about the trade at that moment, as received
 */
public record AuditEntry(long id, long orderId, String outTradeNo, String kind, String resolution, String actor,
                         LocalDateTime changedAt, String statusBefore, String statusAfter, String valuesBefore,
                         String valuesAfter, String reason, String outcome, String detail, String platformAnswer) {

    public static final String RESOLUTION = "RESOLUTION";
    public static final String IMPORT = "IMPORT";
}
