-- A quality dimension with no checks is "not measured" (NULL), never a number. SQLite cannot drop
-- NOT NULL, so data_quality_history is rebuilt with nullable dimension columns (same columns, key
-- and indexes as V1-V3 define; it has no triggers). The rollups count, per dimension, the runs
-- that measured it (<dimension>_runs): a dimension's average is <dimension>_sum /
-- <dimension>_runs, the overall average stays overall_sum / quality_runs. Back-fill: before V4
-- every run with quality had all five dimensions, so <dimension>_runs = quality_runs (exact).

CREATE TABLE data_quality_history_v4 (
  execution_id   TEXT    NOT NULL,
  dataset        TEXT    NOT NULL,
  job_name       TEXT    NOT NULL,
  at_us          INTEGER NOT NULL,
  completeness   REAL,                       -- fractions 0-1, null = not measured
  accuracy       REAL,
  consistency    REAL,
  timeliness     REAL,
  validity       REAL,
  overall        REAL    NOT NULL,
  trend          TEXT    NOT NULL,           -- FIRST, IMPROVING, STABLE, DEGRADING
  anomalies_json TEXT    NOT NULL,           -- JSON array of strings
  team           TEXT    NOT NULL DEFAULT '',
  platform       TEXT    NOT NULL DEFAULT '',
  status         TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (execution_id, dataset)
);
INSERT INTO data_quality_history_v4
      (execution_id, dataset, job_name, at_us, completeness, accuracy, consistency, timeliness,
       validity, overall, trend, anomalies_json, team, platform, status)
SELECT execution_id, dataset, job_name, at_us, completeness, accuracy, consistency, timeliness,
       validity, overall, trend, anomalies_json, team, platform, status
  FROM data_quality_history;
DROP TABLE data_quality_history;
ALTER TABLE data_quality_history_v4 RENAME TO data_quality_history;
CREATE INDEX data_quality_history_by_job_dataset_time ON data_quality_history (job_name, dataset, at_us);
CREATE INDEX data_quality_history_by_time ON data_quality_history (at_us);
CREATE INDEX data_quality_history_by_job_time ON data_quality_history (job_name, at_us);

ALTER TABLE run_rollups ADD COLUMN completeness_runs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_rollups ADD COLUMN accuracy_runs     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_rollups ADD COLUMN consistency_runs  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_rollups ADD COLUMN timeliness_runs   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_rollups ADD COLUMN validity_runs     INTEGER NOT NULL DEFAULT 0;
UPDATE run_rollups
   SET completeness_runs = quality_runs, accuracy_runs = quality_runs,
       consistency_runs = quality_runs, timeliness_runs = quality_runs,
       validity_runs = quality_runs
 WHERE quality_runs > 0;
