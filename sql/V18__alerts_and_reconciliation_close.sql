-- Alerts a run raised (issue 16.4), one row per rule that fired; never updated.
CREATE TABLE alert (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_execution_id  BIGINT        NOT NULL,
    rule_name         VARCHAR(64)   NOT NULL,
    message           VARCHAR(1000) NOT NULL,
    raised_at         DATETIME(6)   NOT NULL
) ENGINE=InnoDB;

CREATE INDEX alert_execution_ix ON alert (job_execution_id, id);

-- Each attempt to deliver a run's alerts (webhook, mail): a failed delivery is recorded, never fatal.
CREATE TABLE alert_delivery (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_execution_id  BIGINT        NOT NULL,
    channel           VARCHAR(16)   NOT NULL,
    delivered         BOOLEAN       NOT NULL,
    detail            VARCHAR(1000) NULL,
    attempted_at      DATETIME(6)   NOT NULL
) ENGINE=InnoDB;

CREATE INDEX alert_delivery_execution_ix ON alert_delivery (job_execution_id, id);

-- What was still open when a run wrote its files (issue 16.5), for the console's line of open orders over time.
CREATE TABLE reconciliation_close (
    job_execution_id  BIGINT        NOT NULL PRIMARY KEY,
    job_instance_id   BIGINT        NOT NULL,
    open_orders       BIGINT        NOT NULL,
    written_at        DATETIME(6)   NOT NULL
) ENGINE=InnoDB;
