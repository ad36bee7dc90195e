-- Test sends of a campaign's message (push --test, the console's "Send test"): who asked, when, to which ids, with
-- which request id, and how the platform answered. Kept apart from campaign_recipient and campaign_request, so a
-- test is never counted in the campaign nor de-duplicated against it.
-- request_id: <campaign>-<nonce>-test-<id>, never one of the campaign's own (<campaign>-<nonce>-<chunk>).
-- recipient_ids: the ids, comma-separated (at most 50, one request). outcome: IN_FLIGHT while the request is out,
-- then ACKNOWLEDGED, REJECTED, FAILED or UNKNOWN, as for the campaign's requests.
CREATE TABLE campaign_test_send (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id      VARCHAR(64)   NOT NULL,
    sent_by          VARCHAR(128)  NOT NULL,
    sent_at          DATETIME(6)   NOT NULL,
    recipient_ids    TEXT          NOT NULL,
    request_id       VARCHAR(128)  NULL,
    outcome          VARCHAR(16)   NOT NULL,
    detail           VARCHAR(500)  NULL,
    platform_answer  TEXT          NULL,
    CONSTRAINT campaign_test_send_request_id_un UNIQUE (request_id),
    CONSTRAINT campaign_test_send_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaign (campaign_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX campaign_test_send_campaign_ix ON campaign_test_send (campaign_id, sent_at);
