-- Which node ran each job execution: `runs` shows it, and a serve node uses it to find the
-- executions of a node that died (its Quartz check-ins stopped) so it can recover and resume them.
-- SERVE is 'Y' when the execution was started by a clustered `serve` node (only those are
-- recovered by another node; a command-line run is its operator's to restart). RECOVERED_BY is set by the
-- one live node that wins the claim to recover a dead node's execution, so it is resumed once.

CREATE TABLE job_node (
	JOB_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
	NODE_ID VARCHAR(190) NOT NULL,
	SERVE CHAR(1) NOT NULL,
	RECOVERED_BY VARCHAR(190),
	constraint JOB_NODE_EXEC_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ENGINE=InnoDB;

CREATE INDEX JOB_NODE_NODE_IX ON job_node (NODE_ID);
