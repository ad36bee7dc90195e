-- Every reconciliation decision, with the platform answer that decided it, so finance can show
-- why an order changed. Rows are never updated: a later run adds new rows.
CREATE TABLE reconciliation_result (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_instance_id    BIGINT        NOT NULL,
    job_execution_id   BIGINT        NOT NULL,
    order_id           BIGINT        NOT NULL,
    out_trade_no       VARCHAR(64)   NOT NULL,
    trade_no           VARCHAR(64)   NULL,
    open_id            VARCHAR(128)  NULL,
    outcome            VARCHAR(32)   NOT NULL,
    action             VARCHAR(32)   NOT NULL,
    local_status       VARCHAR(16)   NOT NULL,
    new_status         VARCHAR(16)   NOT NULL,
    platform_status    INT           NULL,
    local_amount       BIGINT        NOT NULL,
    platform_amount    BIGINT        NULL,
    local_currency     CHAR(3)       NOT NULL,
    platform_currency  VARCHAR(8)    NULL,
    platform_open_id   VARCHAR(128)  NULL,
    detail             VARCHAR(1000) NULL,
    evidence           TEXT          NULL,
    decided_at         DATETIME(6)   NOT NULL,
    CONSTRAINT reconciliation_result_order_fk FOREIGN KEY (order_id) REFERENCES payment_order (id)
) ENGINE=InnoDB;

CREATE INDEX reconciliation_result_instance_ix ON reconciliation_result (job_instance_id, id);
CREATE INDEX reconciliation_result_order_ix ON reconciliation_result (order_id);
