-- The six tracking tables on SQLite. Instants are INTEGER microseconds since 1970-01-01T00:00Z (UTC);
-- days are INTEGER epoch days (UTC). Money is REAL US dollars. See docs/store.md.

CREATE TABLE job_executions (
  execution_id          TEXT    NOT NULL PRIMARY KEY,
  job_name              TEXT    NOT NULL,
  job_type              TEXT    NOT NULL,
  platform              TEXT    NOT NULL,
  status                TEXT    NOT NULL,
  started_at_us         INTEGER NOT NULL,
  ended_at_us           INTEGER NOT NULL,
  duration_ms           INTEGER NOT NULL,
  total_cost_usd        REAL,                -- null until the cost engine prices the run
  data_processed_bytes  INTEGER,             -- null without execution metrics
  record_json           TEXT    NOT NULL     -- the whole ExecutionRecord (every field) as JSON
);
CREATE INDEX job_executions_by_job_time    ON job_executions (job_name, started_at_us);
CREATE INDEX job_executions_by_status_time ON job_executions (status, started_at_us);
CREATE INDEX job_executions_by_time        ON job_executions (started_at_us);
CREATE INDEX job_executions_by_cost        ON job_executions (total_cost_usd);

CREATE TABLE agent_invocations (
  invocation_id   TEXT    NOT NULL PRIMARY KEY,
  execution_id    TEXT    NOT NULL,
  agent           TEXT    NOT NULL,
  tool            TEXT    NOT NULL,
  at_us           INTEGER NOT NULL,
  input_summary   TEXT    NOT NULL,
  output_summary  TEXT    NOT NULL,
  duration_ms     INTEGER NOT NULL,
  success         INTEGER NOT NULL,          -- 0 or 1
  error           TEXT    NOT NULL,
  tokens_in       INTEGER NOT NULL,
  tokens_out      INTEGER NOT NULL,
  token_cost_usd  REAL    NOT NULL
);
CREATE INDEX agent_invocations_by_execution  ON agent_invocations (execution_id, at_us);
CREATE INDEX agent_invocations_by_agent_time ON agent_invocations (agent, at_us);

CREATE TABLE issue_registry (
  job_name        TEXT    NOT NULL,
  issue_type      TEXT    NOT NULL,
  severity        TEXT    NOT NULL,
  occurrences     INTEGER NOT NULL,
  first_seen_us   INTEGER NOT NULL,
  last_seen_us    INTEGER NOT NULL,
  status          TEXT    NOT NULL,          -- OPEN, RESOLVED, REOPENED
  resolved_at_us  INTEGER,
  resolved_by     TEXT,
  PRIMARY KEY (job_name, issue_type)
);
CREATE INDEX issue_registry_by_status ON issue_registry (status);

CREATE TABLE cost_trends (
  period                TEXT    NOT NULL,    -- DAY or MONTH
  job_name              TEXT    NOT NULL,    -- '*' for all jobs
  period_start_day      INTEGER NOT NULL,    -- epoch day of the period's first day (UTC)
  runs                  INTEGER NOT NULL,
  successes             INTEGER NOT NULL,
  failures              INTEGER NOT NULL,
  cost_usd              REAL    NOT NULL,
  duration_ms           INTEGER NOT NULL,
  data_processed_bytes  INTEGER NOT NULL,
  PRIMARY KEY (period, job_name, period_start_day)
);
CREATE INDEX cost_trends_by_start ON cost_trends (period_start_day);

CREATE TABLE data_quality_history (
  execution_id   TEXT    NOT NULL,
  dataset        TEXT    NOT NULL,
  job_name       TEXT    NOT NULL,
  at_us          INTEGER NOT NULL,
  completeness   REAL    NOT NULL,
  accuracy       REAL    NOT NULL,
  consistency    REAL    NOT NULL,
  timeliness     REAL    NOT NULL,
  validity       REAL    NOT NULL,
  overall        REAL    NOT NULL,
  trend          TEXT    NOT NULL,           -- FIRST, IMPROVING, STABLE, DEGRADING
  anomalies_json TEXT    NOT NULL,           -- JSON array of strings
  PRIMARY KEY (execution_id, dataset)
);
CREATE INDEX data_quality_history_by_job_dataset_time ON data_quality_history (job_name, dataset, at_us);
CREATE INDEX data_quality_history_by_time ON data_quality_history (at_us);

CREATE TABLE compliance_audit (
  sequence       INTEGER NOT NULL PRIMARY KEY,
  at_us          INTEGER NOT NULL,
  actor          TEXT    NOT NULL,
  action         TEXT    NOT NULL,
  subject        TEXT    NOT NULL,
  details        TEXT    NOT NULL,
  previous_hash  TEXT    NOT NULL,
  hash           TEXT    NOT NULL
);
CREATE INDEX compliance_audit_by_time ON compliance_audit (at_us);
-- Append-only: updates are refused (retention deletes are allowed; the chain shows any other gap).
CREATE TRIGGER compliance_audit_append_only BEFORE UPDATE ON compliance_audit
BEGIN
  SELECT RAISE(ABORT, 'compliance_audit is append-only');
END;

-- The chain head: last sequence and hash ever appended, so the chain continues after purges.
CREATE TABLE compliance_audit_head (
  singleton      INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
  last_sequence  INTEGER NOT NULL,
  last_hash      TEXT    NOT NULL
);
INSERT INTO compliance_audit_head (singleton, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
