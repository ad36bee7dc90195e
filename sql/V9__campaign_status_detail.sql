-- Why a campaign is where it is, when the status alone does not say: the reason a run failed or a planned
-- send did not start. NULL otherwise; cleared by the next change of status.
ALTER TABLE campaign ADD COLUMN status_detail VARCHAR(500) NULL;
