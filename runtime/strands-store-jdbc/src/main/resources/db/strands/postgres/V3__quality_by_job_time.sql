-- Quality history of a job across its datasets, newest first (qualityHistory(filter, limit) with a
-- job filter), without sorting every row of the job.
CREATE INDEX data_quality_history_by_job_time ON data_quality_history (job_name, at_us);
