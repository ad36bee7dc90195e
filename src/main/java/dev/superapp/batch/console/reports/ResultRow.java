package dev.superapp.batch.console.reports;

/**
 * One decision of a reconciliation run as finance reads it on the page: the report's columns, with the
 * order's status before and after the run. Amounts are integer minor units, as in the CSV report.
 */
record ResultRow(long id, String outTradeNo, String tradeNo, String outcome, String action, String localStatus,
                 String newStatus, Integer platformStatus, long localAmount, Long platformAmount, String localCurrency,
                 String platformCurrency, String detail) {
}
