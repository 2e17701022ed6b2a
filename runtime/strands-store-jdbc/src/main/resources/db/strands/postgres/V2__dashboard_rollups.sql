-- Read queries of the dashboard and the agents, as in the SQLite V2 (see docs/store.md "Queries").
-- The PostgreSQL backend first shipped with V1 and V2 together, so there is nothing to back-fill.

ALTER TABLE job_executions ADD COLUMN team TEXT NOT NULL DEFAULT '';
ALTER TABLE job_executions ADD COLUMN quality_overall DOUBLE PRECISION;
CREATE INDEX job_executions_by_team_time     ON job_executions (team, started_at_us);
CREATE INDEX job_executions_by_platform_time ON job_executions (platform, started_at_us);

ALTER TABLE agent_invocations ADD COLUMN job_name TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_invocations ADD COLUMN team     TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_invocations ADD COLUMN platform TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_invocations ADD COLUMN status   TEXT NOT NULL DEFAULT '';
CREATE INDEX agent_invocations_by_time ON agent_invocations (at_us);

ALTER TABLE data_quality_history ADD COLUMN team     TEXT NOT NULL DEFAULT '';
ALTER TABLE data_quality_history ADD COLUMN platform TEXT NOT NULL DEFAULT '';
ALTER TABLE data_quality_history ADD COLUMN status   TEXT NOT NULL DEFAULT '';

CREATE TABLE run_rollups (
  day                   BIGINT           NOT NULL,
  job_name              TEXT             NOT NULL,
  job_type              TEXT             NOT NULL,
  team                  TEXT             NOT NULL,
  platform              TEXT             NOT NULL,
  status                TEXT             NOT NULL,
  runs                  BIGINT           NOT NULL,
  cost_usd              DOUBLE PRECISION NOT NULL,
  duration_ms           BIGINT           NOT NULL,
  data_processed_bytes  BIGINT           NOT NULL,
  quality_runs          BIGINT           NOT NULL,
  completeness_sum      DOUBLE PRECISION NOT NULL,
  accuracy_sum          DOUBLE PRECISION NOT NULL,
  consistency_sum       DOUBLE PRECISION NOT NULL,
  timeliness_sum        DOUBLE PRECISION NOT NULL,
  validity_sum          DOUBLE PRECISION NOT NULL,
  overall_sum           DOUBLE PRECISION NOT NULL,
  compliance_runs       BIGINT           NOT NULL,
  gdpr_compliant_runs   BIGINT           NOT NULL,
  hipaa_compliant_runs  BIGINT           NOT NULL,
  pii_columns_detected  BIGINT           NOT NULL,
  pii_columns_masked    BIGINT           NOT NULL,
  PRIMARY KEY (day, job_name, job_type, team, platform, status)
);
CREATE INDEX run_rollups_by_job_day ON run_rollups (job_name, day);

CREATE TABLE issue_rollups (
  day          BIGINT NOT NULL,
  job_name     TEXT   NOT NULL,
  job_type     TEXT   NOT NULL,
  team         TEXT   NOT NULL,
  platform     TEXT   NOT NULL,
  status       TEXT   NOT NULL,
  issue_type   TEXT   NOT NULL,
  severity     TEXT   NOT NULL,
  occurrences  BIGINT NOT NULL,
  PRIMARY KEY (day, job_name, job_type, team, platform, status, issue_type, severity)
);
CREATE INDEX issue_rollups_by_job_day ON issue_rollups (job_name, day);

ALTER TABLE compliance_audit_head ADD COLUMN purged_through BIGINT NOT NULL DEFAULT 0;
ALTER TABLE compliance_audit_head ADD COLUMN purged_hash TEXT NOT NULL
  DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';

CREATE TABLE store_maintenance (
  task         TEXT   NOT NULL PRIMARY KEY,
  last_run_us  BIGINT NOT NULL
);
