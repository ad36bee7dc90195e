-- Every move of a campaign's status, as CampaignLifecycle made it: who asked (a console user's name; NULL when
-- the job or the scheduler moved it) and when (UTC), so a paused or cancelled run can say who stopped it.
-- status: the status after the move; NULL for a move that keeps the status (CHECK_AUDIENCE, WITHDRAW).
CREATE TABLE campaign_move (
    move_id      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id  VARCHAR(64)  NOT NULL,
    move         VARCHAR(32)  NOT NULL,
    status       VARCHAR(32)  NULL,
    moved_by     VARCHAR(128) NULL,
    moved_at     DATETIME(6)  NOT NULL,
    CONSTRAINT campaign_move_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaign (campaign_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX campaign_move_campaign_ix ON campaign_move (campaign_id, moved_at);
