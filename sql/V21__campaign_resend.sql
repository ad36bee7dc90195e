-- A resend: a person's decision to send a finished campaign's UNKNOWN and/or FAILED recipients once more, as a new
-- attempt (2, 3, ...; the first send is attempt 1 and has no row). states: the states chosen, comma-separated.
-- requested_by: os:<user> (push --resend) or console:<user>. asked: recipients in those states when it was asked.
-- prepared_at: when the attempt's job put those recipients back to be sent (NULL until then; done once).
CREATE TABLE campaign_resend (
    campaign_id   VARCHAR(64)  NOT NULL,
    attempt       INT          NOT NULL,
    states        VARCHAR(64)  NOT NULL,
    requested_by  VARCHAR(200) NOT NULL,
    requested_at  DATETIME(6)  NOT NULL,
    asked         BIGINT       NOT NULL,
    prepared_at   DATETIME(6)  NULL,
    PRIMARY KEY (campaign_id, attempt),
    CONSTRAINT campaign_resend_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaign (campaign_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What each resent recipient was before its attempt: the state, request and detail the attempt replaced.
CREATE TABLE campaign_resend_recipient (
    campaign_id          VARCHAR(64)  NOT NULL,
    attempt              INT          NOT NULL,
    line_no              BIGINT       NOT NULL,
    previous_state       VARCHAR(16)  NOT NULL,
    previous_request_id  VARCHAR(128) NULL,
    previous_detail      VARCHAR(500) NULL,
    PRIMARY KEY (campaign_id, attempt, line_no),
    CONSTRAINT campaign_resend_recipient_resend_fk FOREIGN KEY (campaign_id, attempt)
        REFERENCES campaign_resend (campaign_id, attempt)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Who resent the recipient, when, in which attempt and from which state, for its report line; NULL if never resent.
ALTER TABLE campaign_recipient ADD COLUMN resend_note VARCHAR(255) NULL;
