-- campaign.status gains FINISHED_WITH_ERRORS (20 characters): a campaign sent and reported that sent nobody, or
-- whose rejected and failed recipients passed campaign.max-error-rate. campaign_recipient.state gains CANCELED
-- (fits): a recipient no request carried when its campaign was cancelled.
ALTER TABLE campaign MODIFY COLUMN status VARCHAR(32) NOT NULL;
