-- The six tracking tables on PostgreSQL: the same columns and units as the SQLite schema, so one
-- set of SQL serves both. Instants are BIGINT microseconds since 1970-01-01T00:00Z (UTC); days are
-- BIGINT epoch days (UTC); money is DOUBLE PRECISION US dollars; flags are SMALLINT 0/1.
-- See docs/store.md.

CREATE TABLE job_executions (
  execution_id          TEXT             NOT NULL PRIMARY KEY,
  job_name              TEXT             NOT NULL,
  job_type              TEXT             NOT NULL,
  platform              TEXT             NOT NULL,
  status                TEXT             NOT NULL,
  started_at_us         BIGINT           NOT NULL,
  ended_at_us           BIGINT           NOT NULL,
  duration_ms           BIGINT           NOT NULL,
  total_cost_usd        DOUBLE PRECISION,          -- null until the cost engine prices the run
  data_processed_bytes  BIGINT,                    -- null without execution metrics
  record_json           TEXT             NOT NULL  -- the whole ExecutionRecord (every field) as JSON
);
CREATE INDEX job_executions_by_job_time    ON job_executions (job_name, started_at_us);
CREATE INDEX job_executions_by_status_time ON job_executions (status, started_at_us);
CREATE INDEX job_executions_by_time        ON job_executions (started_at_us);
CREATE INDEX job_executions_by_cost        ON job_executions (total_cost_usd);

CREATE TABLE agent_invocations (
  invocation_id   TEXT             NOT NULL PRIMARY KEY,
  execution_id    TEXT             NOT NULL,
  agent           TEXT             NOT NULL,
  tool            TEXT             NOT NULL,
  at_us           BIGINT           NOT NULL,
  input_summary   TEXT             NOT NULL,
  output_summary  TEXT             NOT NULL,
  duration_ms     BIGINT           NOT NULL,
  success         SMALLINT         NOT NULL,   -- 0 or 1
  error           TEXT             NOT NULL,
  tokens_in       BIGINT           NOT NULL,
  tokens_out      BIGINT           NOT NULL,
  token_cost_usd  DOUBLE PRECISION NOT NULL
);
CREATE INDEX agent_invocations_by_execution  ON agent_invocations (execution_id, at_us);
CREATE INDEX agent_invocations_by_agent_time ON agent_invocations (agent, at_us);

CREATE TABLE issue_registry (
  job_name        TEXT   NOT NULL,
  issue_type      TEXT   NOT NULL,
  severity        TEXT   NOT NULL,
  occurrences     BIGINT NOT NULL,
  first_seen_us   BIGINT NOT NULL,
  last_seen_us    BIGINT NOT NULL,
  status          TEXT   NOT NULL,             -- OPEN, RESOLVED, REOPENED
  resolved_at_us  BIGINT,
  resolved_by     TEXT,
  PRIMARY KEY (job_name, issue_type)
);
CREATE INDEX issue_registry_by_status ON issue_registry (status);

CREATE TABLE cost_trends (
  period                TEXT             NOT NULL,  -- DAY or MONTH
  job_name              TEXT             NOT NULL,  -- '*' for all jobs
  period_start_day      BIGINT           NOT NULL,  -- epoch day of the period's first day (UTC)
  runs                  BIGINT           NOT NULL,
  successes             BIGINT           NOT NULL,
  failures              BIGINT           NOT NULL,
  cost_usd              DOUBLE PRECISION NOT NULL,
  duration_ms           BIGINT           NOT NULL,
  data_processed_bytes  BIGINT           NOT NULL,
  PRIMARY KEY (period, job_name, period_start_day)
);
CREATE INDEX cost_trends_by_start ON cost_trends (period_start_day);

CREATE TABLE data_quality_history (
  execution_id   TEXT             NOT NULL,
  dataset        TEXT             NOT NULL,
  job_name       TEXT             NOT NULL,
  at_us          BIGINT           NOT NULL,
  completeness   DOUBLE PRECISION NOT NULL,
  accuracy       DOUBLE PRECISION NOT NULL,
  consistency    DOUBLE PRECISION NOT NULL,
  timeliness     DOUBLE PRECISION NOT NULL,
  validity       DOUBLE PRECISION NOT NULL,
  overall        DOUBLE PRECISION NOT NULL,
  trend          TEXT             NOT NULL,     -- FIRST, IMPROVING, STABLE, DEGRADING
  anomalies_json TEXT             NOT NULL,     -- JSON array of strings
  PRIMARY KEY (execution_id, dataset)
);
CREATE INDEX data_quality_history_by_job_dataset_time ON data_quality_history (job_name, dataset, at_us);
CREATE INDEX data_quality_history_by_time ON data_quality_history (at_us);

CREATE TABLE compliance_audit (
  sequence       BIGINT NOT NULL PRIMARY KEY,
  at_us          BIGINT NOT NULL,
  actor          TEXT   NOT NULL,
  action         TEXT   NOT NULL,
  subject        TEXT   NOT NULL,
  details        TEXT   NOT NULL,
  previous_hash  TEXT   NOT NULL,
  hash           TEXT   NOT NULL
);
CREATE INDEX compliance_audit_by_time ON compliance_audit (at_us);
-- Append-only: updates are refused (retention deletes are allowed; the chain and its head show
-- any other gap).
CREATE FUNCTION compliance_audit_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'compliance_audit is append-only';
END;
$$;
CREATE TRIGGER compliance_audit_append_only BEFORE UPDATE ON compliance_audit
  FOR EACH ROW EXECUTE FUNCTION compliance_audit_refuse_update();

-- The chain head: last sequence and hash ever appended, so the chain continues after purges.
CREATE TABLE compliance_audit_head (
  singleton      SMALLINT NOT NULL PRIMARY KEY CHECK (singleton = 1),
  last_sequence  BIGINT   NOT NULL,
  last_hash      TEXT     NOT NULL
);
INSERT INTO compliance_audit_head (singleton, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
