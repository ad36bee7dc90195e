-- Every push per recipient and channel, for campaign.frequency-cap: one row per recipient a request carried,
-- written in the transaction that records the request IN_FLIGHT; removed again when the platform refused or the
-- retries failed (nothing reached the person), kept when it was sent or may have been (UNKNOWN).
-- The cap counts rows of (recipient_id, channel) since a moment: the index below answers that as a range. Keys start
-- with recipient_id so that "recipient_id IN (...) AND channel = ?" is an index lookup on H2 and MariaDB alike.
CREATE TABLE recipient_push (
    campaign_id   VARCHAR(64)  NOT NULL,
    line_no       BIGINT       NOT NULL,
    channel       VARCHAR(16)  NOT NULL,
    recipient_id  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    pushed_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (campaign_id, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX recipient_push_recipient_ix ON recipient_push (recipient_id, channel, pushed_at);

-- One row per (channel, recipient) ever capped: locked FOR UPDATE while a request counts and records its pushes,
-- so two campaigns of a channel sending at once cannot both push one person past the cap.
CREATE TABLE recipient_push_lock (
    channel       VARCHAR(16)  NOT NULL,
    recipient_id  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (recipient_id, channel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Rows older than the window are pruned when a campaign starts sending.
CREATE INDEX recipient_push_time_ix ON recipient_push (pushed_at);
