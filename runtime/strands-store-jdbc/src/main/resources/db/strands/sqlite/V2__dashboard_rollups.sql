-- Read queries of the dashboard and the agents (see docs/store.md "Queries"): denormalised filter
-- columns (team = the execution's 'team' tag, '' without one), daily rollups that every global
-- filter can cut, an audit head that also remembers what retention purged, and the last
-- automatic purge. Existing rows are back-filled from record_json (SQLite's JSON functions).

ALTER TABLE job_executions ADD COLUMN team TEXT NOT NULL DEFAULT '';
ALTER TABLE job_executions ADD COLUMN quality_overall REAL;   -- fraction 0-1, null without quality
UPDATE job_executions
   SET team = COALESCE(json_extract(record_json, '$.tags.team'), ''),
       quality_overall = json_extract(record_json, '$.quality.scores.overall');
CREATE INDEX job_executions_by_team_time     ON job_executions (team, started_at_us);
CREATE INDEX job_executions_by_platform_time ON job_executions (platform, started_at_us);

ALTER TABLE agent_invocations ADD COLUMN job_name TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_invocations ADD COLUMN team     TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_invocations ADD COLUMN platform TEXT NOT NULL DEFAULT '';
ALTER TABLE agent_invocations ADD COLUMN status   TEXT NOT NULL DEFAULT '';
UPDATE agent_invocations
   SET (job_name, team, platform, status) =
       (SELECT e.job_name, e.team, e.platform, e.status FROM job_executions e
         WHERE e.execution_id = agent_invocations.execution_id)
 WHERE EXISTS (SELECT 1 FROM job_executions e WHERE e.execution_id = agent_invocations.execution_id);
CREATE INDEX agent_invocations_by_time ON agent_invocations (at_us);

ALTER TABLE data_quality_history ADD COLUMN team     TEXT NOT NULL DEFAULT '';
ALTER TABLE data_quality_history ADD COLUMN platform TEXT NOT NULL DEFAULT '';
ALTER TABLE data_quality_history ADD COLUMN status   TEXT NOT NULL DEFAULT '';
UPDATE data_quality_history
   SET (team, platform, status) =
       (SELECT e.team, e.platform, e.status FROM job_executions e
         WHERE e.execution_id = data_quality_history.execution_id)
 WHERE EXISTS (SELECT 1 FROM job_executions e WHERE e.execution_id = data_quality_history.execution_id);

-- One row per UTC day and (job, job type, team, platform, status): sums, never averages, so any
-- filter and grouping adds rows up exactly. WITHOUT ROWID: rows are stored in key order, so a
-- range of days is one sequential read (no second lookup per row).
CREATE TABLE run_rollups (
  day                   INTEGER NOT NULL,    -- epoch day of the execution's start (UTC)
  job_name              TEXT    NOT NULL,
  job_type              TEXT    NOT NULL,
  team                  TEXT    NOT NULL,
  platform              TEXT    NOT NULL,
  status                TEXT    NOT NULL,
  runs                  INTEGER NOT NULL,
  cost_usd              REAL    NOT NULL,
  duration_ms           INTEGER NOT NULL,
  data_processed_bytes  INTEGER NOT NULL,
  quality_runs          INTEGER NOT NULL,    -- runs with a quality summary
  completeness_sum      REAL    NOT NULL,    -- sums of fractions over quality_runs
  accuracy_sum          REAL    NOT NULL,
  consistency_sum       REAL    NOT NULL,
  timeliness_sum        REAL    NOT NULL,
  validity_sum          REAL    NOT NULL,
  overall_sum           REAL    NOT NULL,
  compliance_runs       INTEGER NOT NULL,    -- runs with a compliance summary
  gdpr_compliant_runs   INTEGER NOT NULL,
  hipaa_compliant_runs  INTEGER NOT NULL,
  pii_columns_detected  INTEGER NOT NULL,    -- counts of columns, never values
  pii_columns_masked    INTEGER NOT NULL,
  PRIMARY KEY (day, job_name, job_type, team, platform, status)
) WITHOUT ROWID;
CREATE INDEX run_rollups_by_job_day ON run_rollups (job_name, day);

CREATE TABLE issue_rollups (
  day          INTEGER NOT NULL,
  job_name     TEXT    NOT NULL,
  job_type     TEXT    NOT NULL,
  team         TEXT    NOT NULL,
  platform     TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  issue_type   TEXT    NOT NULL,
  severity     TEXT    NOT NULL,
  occurrences  INTEGER NOT NULL,             -- executions that showed the issue
  PRIMARY KEY (day, job_name, job_type, team, platform, status, issue_type, severity)
) WITHOUT ROWID;
CREATE INDEX issue_rollups_by_job_day ON issue_rollups (job_name, day);

INSERT INTO run_rollups
SELECT started_at_us / 86400000000, job_name, job_type, team, platform, status,
       COUNT(*), SUM(COALESCE(total_cost_usd, 0)), SUM(duration_ms),
       SUM(COALESCE(data_processed_bytes, 0)),
       SUM(quality_overall IS NOT NULL),
       SUM(COALESCE(json_extract(record_json, '$.quality.scores.completeness'), 0)),
       SUM(COALESCE(json_extract(record_json, '$.quality.scores.accuracy'), 0)),
       SUM(COALESCE(json_extract(record_json, '$.quality.scores.consistency'), 0)),
       SUM(COALESCE(json_extract(record_json, '$.quality.scores.timeliness'), 0)),
       SUM(COALESCE(json_extract(record_json, '$.quality.scores.validity'), 0)),
       SUM(COALESCE(quality_overall, 0)),
       SUM(json_type(record_json, '$.compliance') = 'object'),
       SUM(COALESCE(json_extract(record_json, '$.compliance.gdprCompliant'), 0)),
       SUM(COALESCE(json_extract(record_json, '$.compliance.hipaaCompliant'), 0)),
       SUM(COALESCE(json_extract(record_json, '$.compliance.piiColumnsDetected'), 0)),
       SUM(COALESCE(json_extract(record_json, '$.compliance.piiColumnsMasked'), 0))
  FROM job_executions
 GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO issue_rollups
SELECT e.started_at_us / 86400000000, e.job_name, e.job_type, e.team, e.platform, e.status,
       json_extract(i.value, '$.type'), json_extract(i.value, '$.severity'), COUNT(*)
  FROM job_executions e, json_each(e.record_json, '$.issues') i
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

-- Retention may purge the oldest audit entries: the head remembers the last one purged (its hash
-- anchors the first kept entry), so removing entries at either end is detected.
ALTER TABLE compliance_audit_head ADD COLUMN purged_through INTEGER NOT NULL DEFAULT 0;
ALTER TABLE compliance_audit_head ADD COLUMN purged_hash TEXT NOT NULL
  DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';
UPDATE compliance_audit_head
   SET purged_through = COALESCE((SELECT MIN(sequence) - 1 FROM compliance_audit), last_sequence),
       purged_hash = COALESCE((SELECT previous_hash FROM compliance_audit ORDER BY sequence LIMIT 1),
                              last_hash);

-- When each maintenance task (automatic purge) last ran, shared by every process.
CREATE TABLE store_maintenance (
  task         TEXT    NOT NULL PRIMARY KEY,
  last_run_us  INTEGER NOT NULL
);
