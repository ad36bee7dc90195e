-- The merchant's own payment orders. Reconciliation reads the PENDING ones by id (keyset paging).
CREATE TABLE payment_order (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    out_trade_no  VARCHAR(64)  NOT NULL,
    trade_no      VARCHAR(64)  NULL,
    open_id       VARCHAR(128) NULL,
    amount        BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT payment_order_out_trade_no_un UNIQUE (out_trade_no)
) ENGINE=InnoDB;

CREATE INDEX payment_order_status_id_ix ON payment_order (status, id);
