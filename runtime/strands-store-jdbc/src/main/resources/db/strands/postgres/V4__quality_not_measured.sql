-- A quality dimension with no checks is "not measured" (NULL), never a number. The rollups count,
-- per dimension, the runs that measured it (<dimension>_runs): a dimension's average is
-- <dimension>_sum / <dimension>_runs, the overall average stays overall_sum / quality_runs.
-- Back-fill: before V4 every run with quality had all five dimensions, so <dimension>_runs =
-- quality_runs for existing rows (exact).

ALTER TABLE data_quality_history ALTER COLUMN completeness DROP NOT NULL;
ALTER TABLE data_quality_history ALTER COLUMN accuracy     DROP NOT NULL;
ALTER TABLE data_quality_history ALTER COLUMN consistency  DROP NOT NULL;
ALTER TABLE data_quality_history ALTER COLUMN timeliness   DROP NOT NULL;
ALTER TABLE data_quality_history ALTER COLUMN validity     DROP NOT NULL;

ALTER TABLE run_rollups ADD COLUMN completeness_runs BIGINT NOT NULL DEFAULT 0;
ALTER TABLE run_rollups ADD COLUMN accuracy_runs     BIGINT NOT NULL DEFAULT 0;
ALTER TABLE run_rollups ADD COLUMN consistency_runs  BIGINT NOT NULL DEFAULT 0;
ALTER TABLE run_rollups ADD COLUMN timeliness_runs   BIGINT NOT NULL DEFAULT 0;
ALTER TABLE run_rollups ADD COLUMN validity_runs     BIGINT NOT NULL DEFAULT 0;
UPDATE run_rollups
   SET completeness_runs = quality_runs, accuracy_runs = quality_runs,
       consistency_runs = quality_runs, timeliness_runs = quality_runs,
       validity_runs = quality_runs
 WHERE quality_runs > 0;
