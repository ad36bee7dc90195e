-- The lease of every running job execution: who runs it (node, host, process id and its start time) and
-- when it last said so (HEARTBEAT, epoch milliseconds of the holder's clock, renewed every
-- batch.lease.heartbeat). LEASE_KEY is what may run only once at a time: `reconciliation` (every
-- reconciliation), `campaign:<id>` (sending or staging one campaign), `job:<name>:<instance>` otherwise.
-- It is the primary key, so a second run is refused by the database itself: the insert fails, and a
-- dead holder's row is replaced by one conditional update. The row is deleted when the run ends.

CREATE TABLE job_lease (
	LEASE_KEY VARCHAR(190) NOT NULL PRIMARY KEY,
	JOB_EXECUTION_ID BIGINT NOT NULL,
	JOB_NAME VARCHAR(100) NOT NULL,
	NODE_ID VARCHAR(190) NOT NULL,
	HOST VARCHAR(255) NOT NULL,
	PID BIGINT NOT NULL,
	PROCESS_STARTED BIGINT,
	HEARTBEAT BIGINT NOT NULL
) ENGINE=InnoDB;

CREATE UNIQUE INDEX JOB_LEASE_EXECUTION_UX ON job_lease (JOB_EXECUTION_ID);
