-- Card-form callbacks (seed 003, 4.2) as applied, so that the same callback delivered again (same requestId and sign)
-- is answered without changing anything. time_stamp: the callback's timeStamp (epoch ms); changed: recipients moved.
CREATE TABLE campaign_callback (
    request_id   VARCHAR(128) NOT NULL,
    sign         VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    campaign_id  VARCHAR(64)  NOT NULL,
    time_stamp   BIGINT       NOT NULL,
    changed      INT          NOT NULL,
    received_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (request_id, sign)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The timeStamp of the callback that last set the recipient's state; NULL while only the synchronous answer (or
-- nothing) did. A callback outranks the synchronous answer, and an older callback never overwrites a newer one.
ALTER TABLE campaign_recipient ADD COLUMN callback_at BIGINT NULL;
