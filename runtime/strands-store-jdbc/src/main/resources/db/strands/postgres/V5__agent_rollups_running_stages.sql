-- V5 (see docs/store.md "Schema V5"): daily agent rollups (agentStats without reading every
-- invocation), a narrow issue rollup for the heat map, markers of running executions, and
-- per-execution stage summaries. Existing invocations and issue rollups are back-filled.

-- One row per UTC day of the invocation and (agent, job, team, platform, status of its execution):
-- read by agentStats when the filter names a job, team, platform or status.
CREATE TABLE agent_rollups (
  day             BIGINT NOT NULL,    -- epoch day of the invocation (UTC)
  agent           TEXT    NOT NULL,
  job_name        TEXT    NOT NULL,
  team            TEXT    NOT NULL,
  platform        TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  invocations     BIGINT NOT NULL,
  successes       BIGINT NOT NULL,
  duration_ms     BIGINT NOT NULL,    -- summed, milliseconds
  tokens_in       BIGINT NOT NULL,
  tokens_out      BIGINT NOT NULL,
  token_cost_usd  DOUBLE PRECISION NOT NULL,    -- summed, USD
  PRIMARY KEY (day, agent, job_name, team, platform, status)
);
CREATE INDEX agent_rollups_by_job_day ON agent_rollups (job_name, day);

-- The same sums per day and agent only: what the Agents page reads with no filter but days
-- (a few rows per day instead of one per agent x job x team x platform x status).
CREATE TABLE agent_day_rollups (
  day             BIGINT NOT NULL,
  agent           TEXT    NOT NULL,
  invocations     BIGINT NOT NULL,
  successes       BIGINT NOT NULL,
  duration_ms     BIGINT NOT NULL,
  tokens_in       BIGINT NOT NULL,
  tokens_out      BIGINT NOT NULL,
  token_cost_usd  DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (day, agent)
);

INSERT INTO agent_rollups
SELECT at_us / 86400000000, agent, job_name, team, platform, status, COUNT(*), SUM(success),
       SUM(duration_ms), SUM(tokens_in), SUM(tokens_out), SUM(token_cost_usd)
  FROM agent_invocations
 GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO agent_day_rollups
SELECT day, agent, SUM(invocations), SUM(successes), SUM(duration_ms), SUM(tokens_in),
       SUM(tokens_out), SUM(token_cost_usd)
  FROM agent_rollups
 GROUP BY 1, 2;

-- issue_rollups without team, platform and status: the heat map (type x job or x day) with no
-- filter but days and jobs reads a third fewer rows. Same retention as issue_rollups.
CREATE TABLE issue_job_rollups (
  day          BIGINT NOT NULL,
  job_name     TEXT    NOT NULL,
  issue_type   TEXT    NOT NULL,
  severity     TEXT    NOT NULL,
  occurrences  BIGINT NOT NULL,
  PRIMARY KEY (day, job_name, issue_type, severity)
);

INSERT INTO issue_job_rollups
SELECT day, job_name, issue_type, severity, SUM(occurrences)
  FROM issue_rollups
 GROUP BY 1, 2, 3, 4;

-- Executions started and not yet recorded; the row goes in the transaction that records the run.
CREATE TABLE running_executions (
  execution_id   TEXT    NOT NULL PRIMARY KEY,
  job_name       TEXT    NOT NULL,
  team           TEXT    NOT NULL,
  platform       TEXT    NOT NULL,
  started_at_us  BIGINT NOT NULL,
  host           TEXT    NOT NULL,     -- host name of the process running it
  pid            BIGINT NOT NULL      -- that process's id
);

-- Stage summaries of an execution (at most StageSummary.MAX_PER_EXECUTION), purged with it by
-- the execution's start.
CREATE TABLE execution_stages (
  execution_id         TEXT    NOT NULL,
  stage_id             BIGINT NOT NULL,
  attempt_id           BIGINT NOT NULL,
  started_at_us        BIGINT NOT NULL,   -- the execution's start (retention "executions")
  name                 TEXT    NOT NULL,
  status               TEXT    NOT NULL,
  tasks                BIGINT NOT NULL,
  failed_tasks         BIGINT NOT NULL,
  duration_ms          BIGINT,          -- null when the log has no completion
  input_bytes          BIGINT NOT NULL,
  output_bytes         BIGINT NOT NULL,
  shuffle_read_bytes   BIGINT NOT NULL,
  shuffle_write_bytes  BIGINT NOT NULL,
  memory_spill_bytes   BIGINT NOT NULL,
  disk_spill_bytes     BIGINT NOT NULL,
  task_time_max_ms     DOUBLE PRECISION NOT NULL,
  task_time_median_ms  DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (execution_id, stage_id, attempt_id)
);
CREATE INDEX execution_stages_by_start ON execution_stages (started_at_us);
