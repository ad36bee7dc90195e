-- Campaign pushes. A campaign id names one audience sent once; its recipients are staged here before
-- anything is sent, so every recipient is sent at most once per campaign, across crashes and restarts.

-- status: REGISTERED when first pushed; the sender and the report record later stages.
-- definition: the normalized definition (JSON) as first registered, kept as evidence of what was sent.
-- request_nonce: random at registration, part of every request id (<campaign>-<nonce>-<chunk>), so a campaign
-- id registered again (a new database, another environment) never reuses request ids a platform has seen.
CREATE TABLE campaign (
    campaign_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    channel        VARCHAR(16)   NOT NULL,
    definition     TEXT          NOT NULL,
    audience_path  VARCHAR(1024) NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    request_nonce  VARCHAR(16)   NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per non-blank line of the audience file; line_no is the physical line (the header is line 1).
-- recipient_id: the id as given (cut to 128 characters when too long; NULL when empty).
-- state: PENDING, INVALID, DUPLICATE while staging; SENT, REJECTED, FAILED, UNKNOWN set by the sender.
-- send_key: the recipient id on the first valid line of each recipient only, so the unique key below
-- guarantees no recipient is sent twice (NULLs never collide). It compares bytes: ids differing only
-- in letter case are different recipients, which MariaDB's default case-insensitive collation would merge.
CREATE TABLE campaign_recipient (
    campaign_id   VARCHAR(64)  NOT NULL,
    line_no       BIGINT       NOT NULL,
    recipient_id  VARCHAR(128) NULL,
    state         VARCHAR(16)  NOT NULL,
    detail        VARCHAR(500) NULL,
    send_key      VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    chunk_no      BIGINT       NULL,
    request_id    VARCHAR(128) NULL,
    PRIMARY KEY (campaign_id, line_no),
    CONSTRAINT campaign_recipient_send_key_un UNIQUE (campaign_id, send_key),
    CONSTRAINT campaign_recipient_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaign (campaign_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The sender pages through PENDING recipients by line, and counts and re-reads a chunk's recipients.
CREATE INDEX campaign_recipient_state_ix ON campaign_recipient (campaign_id, state, line_no);
CREATE INDEX campaign_recipient_chunk_ix ON campaign_recipient (campaign_id, chunk_no);

-- One row per request of the sender, written with its deterministic request_id before it is sent.
-- state: IN_FLIGHT, ACKNOWLEDGED, REJECTED, FAILED, UNKNOWN. platform_answer: the raw answer, as evidence.
CREATE TABLE campaign_request (
    campaign_id      VARCHAR(64)  NOT NULL,
    chunk_no         BIGINT       NOT NULL,
    request_id       VARCHAR(128) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    recipients       INT          NOT NULL,
    platform_answer  TEXT         NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (campaign_id, chunk_no),
    CONSTRAINT campaign_request_request_id_un UNIQUE (request_id),
    CONSTRAINT campaign_request_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaign (campaign_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX campaign_request_state_ix ON campaign_request (campaign_id, state);
