package dev.superapp.batch.console.reports;

import java.time.LocalDateTime;

/**
 * One decision of a reconciliation run as finance reads it on the page: the report's columns, with the
 * order's status before and after the run, its id (for the order's page) and when the order was created
 * (UTC). Amounts are integer minor units, as in the CSV report; the page formats them.
 */
record ResultRow(long id, long orderId, LocalDateTime orderCreatedAt, String outTradeNo, String tradeNo, String outcome, String action, String localStatus,
                 String newStatus, Integer platformStatus, long localAmount, Long platformAmount, String localCurrency,
                 String platformCurrency, String detail) {
}
