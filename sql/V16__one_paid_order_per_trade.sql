-- One payment pays one order: at most one PAID order per trade number, held by a unique index on a
-- generated column (NULL, so not unique-checked, unless the order is PAID with a trade number).
-- Orders already PAID on a trade another PAID order holds (only an import could do that before) keep
-- the oldest one PAID and go to REVIEW, recorded in the audit trail, so that a person decides.
INSERT INTO order_audit (order_id, out_trade_no, change_kind, actor, changed_at, status_before, status_after, reason)
SELECT id, out_trade_no, 'MIGRATION', 'migration V16', CURRENT_TIMESTAMP, 'PAID', 'REVIEW',
       CONCAT('trade ', trade_no, ' is also the trade of an older PAID order; one payment pays one order')
FROM payment_order
WHERE status = 'PAID' AND trade_no IS NOT NULL AND trade_no <> ''
  AND id NOT IN (SELECT keep_id FROM (SELECT MIN(id) AS keep_id FROM payment_order
                                      WHERE status = 'PAID' AND trade_no IS NOT NULL AND trade_no <> ''
                                      GROUP BY trade_no) kept);

UPDATE payment_order SET status = 'REVIEW'
WHERE status = 'PAID' AND trade_no IS NOT NULL AND trade_no <> ''
  AND id NOT IN (SELECT keep_id FROM (SELECT MIN(id) AS keep_id FROM payment_order
                                      WHERE status = 'PAID' AND trade_no IS NOT NULL AND trade_no <> ''
                                      GROUP BY trade_no) kept);

ALTER TABLE payment_order ADD COLUMN paid_trade_no VARCHAR(64)
    GENERATED ALWAYS AS (CASE WHEN status = 'PAID' AND trade_no <> '' THEN trade_no END);

CREATE UNIQUE INDEX payment_order_paid_trade_no_un ON payment_order (paid_trade_no);
