-- Every change a person makes to an order outside reconciliation: a resolution from the exceptions
-- queue (console or `resolve`) and an import forced over a settled order (`import-orders --force`).
-- Append-only: the code only inserts and reads these rows; nothing updates or deletes them.
-- No foreign key to payment_order, so the trail outlives anything done to the orders.
CREATE TABLE order_audit (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id         BIGINT        NOT NULL,
    out_trade_no     VARCHAR(64)   NOT NULL,
    change_kind      VARCHAR(16)   NOT NULL,
    resolution       VARCHAR(16)   NULL,
    actor            VARCHAR(160)  NOT NULL,
    changed_at       DATETIME(6)   NOT NULL,
    status_before    VARCHAR(16)   NOT NULL,
    status_after     VARCHAR(16)   NOT NULL,
    values_before    VARCHAR(1000) NULL,
    values_after     VARCHAR(1000) NULL,
    reason           VARCHAR(1000) NULL,
    outcome          VARCHAR(32)   NULL,
    detail           VARCHAR(1000) NULL,
    platform_answer  TEXT          NULL
) ENGINE=InnoDB;

CREATE INDEX order_audit_order_ix ON order_audit (order_id, id);
