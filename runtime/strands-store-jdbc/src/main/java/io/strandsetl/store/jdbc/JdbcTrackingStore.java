package io.strandsetl.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AgentStats;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.AuditHead;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostTrend;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.Dimension;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.ExecutionSummary;
import io.strandsetl.model.store.IssueCount;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueKey;
import io.strandsetl.model.store.IssueLifecycle;
import io.strandsetl.model.store.IssueStatus;
import io.strandsetl.model.store.JobType;
import io.strandsetl.model.store.Period;
import io.strandsetl.model.store.PurgeResult;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.model.store.QualityTrend;
import io.strandsetl.model.store.RetentionPolicy;
import io.strandsetl.model.store.RunFilter;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.RunStats;
import io.strandsetl.model.store.RunningExecution;
import io.strandsetl.model.store.StageSummary;
import io.strandsetl.model.store.TimeBucket;
import io.strandsetl.model.store.TrackingStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The tracking store on one JDBC connection, shared by the SQLite and PostgreSQL backends: the same
 * tables, column names and SQL; a {@link Dialect} supplies what differs (how a write transaction
 * starts and excludes other writers, text ordering). Schema by Flyway migrations per dialect.
 *
 * <p>Within one process the store object serialises its calls on its connection; across processes
 * the dialect's write lock does. Optional automatic purging: after a recorded run, at most once per
 * {@link #AUTO_PURGE_INTERVAL} (remembered in {@code store_maintenance}, so several processes do
 * not all purge), by the store's clock.
 */
public abstract class JdbcTrackingStore implements TrackingStore {
  /** How often automatic purging runs at most. */
  public static final Duration AUTO_PURGE_INTERVAL = Duration.ofDays(1);

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<ExecutionRecord> EXECUTION = new TypeReference<>() {};
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  // Flyway logs every open at INFO through java.util.logging; a user's terminal should show only
  // its warnings. Held in a field because JUL keeps loggers weakly and would forget the level.
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private final String where;
  private final Connection connection;
  private final Dialect dialect;
  private final StoreOptions options;
  private final ObjectMapper json;
  // Prepared statements by SQL text: the write path runs the same dozen statements per run.
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean closed;
  private Instant noPurgeCheckBefore = Instant.MIN;

  /**
   * @param where where the data lives, for messages (a file, a redacted URL)
   */
  JdbcTrackingStore(String where, Connection connection, Dialect dialect, StoreOptions options) {
    this.where = where;
    this.connection = connection;
    this.dialect = dialect;
    this.options = options;
    this.json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Documents written by a newer version may carry fields this one does not know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** Creates or migrates the schema of {@code dataSource}; {@code where} names it in errors. */
  static void migrate(DataSource dataSource, Dialect dialect, String where) {
    if (FLYWAY_LOG.getLevel() == null) {
      FLYWAY_LOG.setLevel(Level.WARNING);
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrations())
          .table("strands_schema_history")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot migrate tracking store schema: " + where + " (" + e.getMessage() + ")",
          e);
    }
  }

  /** Where the data lives (a file, or a URL without credentials). */
  public String where() {
    return where;
  }

  /** The options the store was opened with (clock, retention, automatic purge). */
  public StoreOptions options() {
    return options;
  }

  /**
   * {@inheritDoc}
   *
   * <p>With automatic purging on, a due purge runs first (its own transaction), so the run being
   * recorded stays until the next one even when it is older than the retention (an imported old
   * event log is visible for at least a day).
   */
  @Override
  public synchronized void recordRun(RunRecord run) {
    maybeAutoPurge();
    inTransaction(
        () -> {
          write(run);
          return null;
        });
  }

  /**
   * Records many runs in one transaction (all or none): the bulk-load path for seeding and imports.
   * Same rules as {@link #recordRun}; far fewer commits (each commit of a durable store waits for
   * the disk).
   */
  public synchronized void recordRuns(List<RunRecord> runs) {
    maybeAutoPurge();
    inTransaction(
        () -> {
          for (RunRecord run : runs) {
            write(run);
          }
          return null;
        });
  }

  private void write(RunRecord run) throws SQLException {
    ExecutionRecord execution = run.execution();
    if (exists("SELECT 1 FROM job_executions WHERE execution_id = ?", execution.executionId())) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Cannot record execution: " + execution.executionId() + " (already recorded)");
    }
    for (AgentInvocation invocation : run.invocations()) {
      if (exists(
          "SELECT 1 FROM agent_invocations WHERE invocation_id = ?", invocation.invocationId())) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Cannot record invocation: " + invocation.invocationId() + " (already recorded)");
      }
    }
    insertExecution(execution);
    for (AgentInvocation invocation : run.invocations()) {
      insertInvocation(invocation, execution);
      addToAgentRollups(invocation, execution);
    }
    insertStages(run.stages(), execution);
    update("DELETE FROM running_executions WHERE execution_id = ?", execution.executionId());
    for (QualityHistoryEntry entry : run.quality()) {
      insertQuality(entry, execution);
    }
    List<IssueEntry> current =
        query(
            "SELECT * FROM issue_registry WHERE job_name = ?",
            this::readIssue,
            execution.jobName());
    for (IssueEntry issue : IssueLifecycle.apply(current, execution)) {
      upsertIssue(issue);
    }
    for (Period period : Period.values()) {
      addToTrend(period, execution.jobName(), execution);
      addToTrend(period, CostTrend.ALL_JOBS, execution);
    }
    addToRollups(execution);
    for (AuditEvent event : run.audit()) {
      append(event);
    }
  }

  @Override
  public synchronized Optional<ExecutionRecord> findExecution(String executionId) {
    return query(
            "SELECT record_json FROM job_executions WHERE execution_id = ?",
            this::readExecution,
            executionId)
        .stream()
        .findFirst();
  }

  @Override
  public synchronized List<ExecutionRecord> listExecutions(ExecutionQuery query) {
    Where where = new Where();
    where.equal("job_name", query.jobName());
    where.equal("status", query.status() == null ? null : query.status().name());
    if (query.since() != null) {
      where.add("started_at_us >= ?", micros(query.since()));
    }
    where.args.add(query.limit());
    return query(
        "SELECT record_json FROM job_executions"
            + where.sql()
            + " ORDER BY started_at_us DESC, "
            + dialect.ordered("execution_id")
            + " LIMIT ?",
        this::readExecution,
        where.args.toArray());
  }

  @Override
  public synchronized List<AgentInvocation> invocations(String executionId) {
    return query(
        "SELECT * FROM agent_invocations WHERE execution_id = ? ORDER BY at_us, "
            + dialect.ordered("invocation_id"),
        this::readInvocation,
        executionId);
  }

  @Override
  public synchronized List<IssueEntry> issues() {
    List<IssueEntry> all = query("SELECT * FROM issue_registry", this::readIssue);
    all.sort(Comparator.comparing(IssueEntry::key));
    return all;
  }

  @Override
  public synchronized IssueEntry resolveIssue(IssueKey key, String resolvedBy, Instant at) {
    return inTransaction(
        () -> {
          List<IssueEntry> found =
              query(
                  "SELECT * FROM issue_registry WHERE job_name = ? AND issue_type = ?",
                  this::readIssue,
                  key.jobName(),
                  key.issueType());
          if (found.isEmpty()) {
            throw new StrandsException(
                ErrorCode.INVALID_ARGUMENT,
                "Invalid issue: "
                    + key.jobName()
                    + "/"
                    + key.issueType()
                    + " (not in the registry)");
          }
          IssueEntry resolved = IssueLifecycle.resolved(found.get(0), resolvedBy, at);
          upsertIssue(resolved);
          return resolved;
        });
  }

  @Override
  public synchronized List<CostTrend> costTrends(
      Period period, String jobName, LocalDate from, LocalDate to) {
    return query(
        "SELECT * FROM cost_trends WHERE period = ? AND job_name = ?"
            + " AND period_start_day BETWEEN ? AND ? ORDER BY period_start_day",
        rs ->
            new CostTrend(
                Period.valueOf(rs.getString("period")),
                LocalDate.ofEpochDay(rs.getLong("period_start_day")),
                rs.getString("job_name"),
                rs.getLong("runs"),
                rs.getLong("successes"),
                rs.getLong("failures"),
                rs.getDouble("cost_usd"),
                rs.getLong("duration_ms"),
                rs.getLong("data_processed_bytes")),
        period.name(),
        jobName,
        clampDay(from),
        clampDay(to));
  }

  @Override
  public synchronized List<QualityHistoryEntry> qualityHistory(String jobName, String dataset) {
    return query(
        "SELECT * FROM data_quality_history WHERE job_name = ? AND dataset = ?"
            + " ORDER BY at_us, "
            + dialect.ordered("execution_id"),
        this::readQuality,
        jobName,
        dataset);
  }

  @Override
  public synchronized AuditEntry appendAudit(AuditEvent event) {
    return inTransaction(() -> append(event));
  }

  @Override
  public synchronized List<AuditEntry> auditTrail() {
    return query("SELECT * FROM compliance_audit ORDER BY sequence", this::readAudit);
  }

  @Override
  public synchronized AuditHead auditHead() {
    return readHead();
  }

  /**
   * Reads the chain and its head in one transaction, so another process's append cannot split them,
   * in pages of {@link #AUDIT_PAGE} entries so that a long trail is never all in memory.
   */
  @Override
  public synchronized AuditVerification verifyAudit() {
    return inTransactionRolledBack(
        () -> {
          AuditVerification.Walker walker = new AuditVerification.Walker(readHead());
          long after = Long.MIN_VALUE;
          while (true) {
            List<AuditEntry> page =
                query(
                    "SELECT * FROM compliance_audit WHERE sequence > ? ORDER BY sequence LIMIT ?",
                    this::readAudit,
                    after,
                    AUDIT_PAGE);
            for (AuditEntry entry : page) {
              if (!walker.add(entry)) {
                return walker.result();
              }
            }
            if (page.size() < AUDIT_PAGE) {
              return walker.result();
            }
            after = page.get(page.size() - 1).sequence();
          }
        });
  }

  /** Audit entries read per query while verifying. */
  static final int AUDIT_PAGE = 10_000;

  // ---- read queries of the dashboard and the agents ----

  @Override
  public synchronized List<ExecutionSummary> executions(RunFilter filter, int limit) {
    checkLimit(limit);
    Where where = new Where();
    if (filter.from() != null) {
      where.add("started_at_us >= ?", clampDay(filter.from()) * MICROS_PER_DAY);
    }
    if (filter.to() != null) {
      where.add("started_at_us < ?", (clampDay(filter.to()) + 1) * MICROS_PER_DAY);
    }
    filters(where, filter);
    where.args.add(limit);
    return query(
        "SELECT execution_id, job_name, job_type, team, platform, status, started_at_us,"
            + " ended_at_us, total_cost_usd, quality_overall FROM job_executions"
            + where.sql()
            + " ORDER BY started_at_us DESC, "
            + dialect.ordered("execution_id")
            + " LIMIT ?",
        rs ->
            new ExecutionSummary(
                rs.getString("execution_id"),
                rs.getString("job_name"),
                JobType.valueOf(rs.getString("job_type")),
                rs.getString("team"),
                rs.getString("platform"),
                ExecutionStatus.valueOf(rs.getString("status")),
                instant(rs.getLong("started_at_us")),
                instant(rs.getLong("ended_at_us")),
                nullableDouble(rs, "total_cost_usd"),
                nullableDouble(rs, "quality_overall")),
        where.args.toArray());
  }

  @Override
  public synchronized List<RunStats> runsOverTime(RunFilter filter, TimeBucket bucket) {
    Map<LocalDate, RunStats> byStart = new TreeMap<>();
    for (RunStats day : rollup(filter, "day")) {
      LocalDate start = bucket.startOf(LocalDate.parse(day.key()));
      byStart.merge(
          start, RunStats.empty(start.toString()).plus(day), (before, none) -> before.plus(day));
    }
    return new ArrayList<>(byStart.values());
  }

  @Override
  public synchronized List<RunStats> runsBy(RunFilter filter, Dimension dimension, int limit) {
    checkLimit(limit);
    // Sorted here, not in SQL, so ties order the same on every backend whatever its collation.
    return rollup(filter, column(dimension)).stream()
        .sorted(
            Comparator.comparingDouble(RunStats::costUsd).reversed().thenComparing(RunStats::key))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<IssueCount> issueCounts(RunFilter filter, Dimension groupBy) {
    Where where = new Where();
    rollupFilters(where, filter);
    String group = column(groupBy);
    // The narrow rollup (no team, platform, status columns) answers the heat map's usual question
    // with a third fewer rows; measured in bench/README.md "Dashboard".
    boolean narrow =
        (groupBy == Dimension.DAY || groupBy == Dimension.JOB)
            && filter.team() == null
            && filter.platform() == null
            && filter.status() == null;
    return query(
            "SELECT issue_type, severity, "
                + group
                + " AS grp, SUM(occurrences) AS n FROM "
                + (narrow ? "issue_job_rollups" : "issue_rollups")
                + where.sql()
                // The group column first: it follows the primary key after the day, which makes
                // SQLite's grouping sort measurably cheaper (bench/README.md "Dashboard").
                + " GROUP BY "
                + group
                + ", issue_type, severity",
            rs ->
                new IssueCount(
                    rs.getString("issue_type"),
                    Severity.valueOf(rs.getString("severity")),
                    key(groupBy, rs, "grp"),
                    rs.getLong("n")),
            where.args.toArray())
        .stream()
        .sorted(
            Comparator.comparingLong(IssueCount::occurrences)
                .reversed()
                .thenComparing(IssueCount::issueType)
                .thenComparing(IssueCount::severity)
                .thenComparing(IssueCount::group))
        .toList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the daily agent rollups: {@code agent_day_rollups} when the filter has days only, else
   * {@code agent_rollups} (every filter of {@link RunFilter} is a column there, so the raw
   * invocations are read only by {@link #agentStatsFromInvocations}, which tests compare with).
   */
  @Override
  public synchronized List<AgentStats> agentStats(RunFilter filter) {
    Where where = new Where();
    rollupFilters(where, filter);
    boolean daysOnly =
        filter.jobName() == null
            && filter.team() == null
            && filter.platform() == null
            && filter.status() == null;
    return agentStats(
        "SELECT agent, SUM(invocations) AS n, SUM(successes) AS ok, SUM(duration_ms) AS ms,"
            + " SUM(tokens_in) AS t_in, SUM(tokens_out) AS t_out, SUM(token_cost_usd) AS usd"
            + (daysOnly ? " FROM agent_day_rollups" : " FROM agent_rollups")
            + where.sql()
            + " GROUP BY agent",
        where);
  }

  /** {@link #agentStats} computed from the raw invocations (the fallback; tests compare). */
  public synchronized List<AgentStats> agentStatsFromInvocations(RunFilter filter) {
    Where where = new Where();
    timeRange(where, "at_us", filter);
    filters(where, filter);
    return agentStats(
        "SELECT agent, COUNT(*) AS n, SUM(success) AS ok, SUM(duration_ms) AS ms,"
            + " SUM(tokens_in) AS t_in, SUM(tokens_out) AS t_out,"
            + " SUM(token_cost_usd) AS usd FROM agent_invocations"
            + where.sql()
            + " GROUP BY agent",
        where);
  }

  private List<AgentStats> agentStats(String sql, Where where) {
    return query(
            sql,
            rs ->
                new AgentStats(
                    rs.getString("agent"),
                    rs.getLong("n"),
                    rs.getLong("ok"),
                    rs.getLong("ms"),
                    rs.getLong("t_in"),
                    rs.getLong("t_out"),
                    // Sums of non-negative values; max() guards against -0.0 from rounding.
                    Math.max(0, rs.getDouble("usd"))),
            where.args.toArray())
        .stream()
        .sorted(Comparator.comparing(AgentStats::agent))
        .toList();
  }

  // ---- running executions and stage summaries ----

  @Override
  public synchronized void markRunning(RunningExecution execution) {
    inTransaction(
        () ->
            update(
                "INSERT INTO running_executions (execution_id, job_name, team, platform,"
                    + " started_at_us, host, pid) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (execution_id) DO UPDATE SET job_name = excluded.job_name,"
                    + " team = excluded.team, platform = excluded.platform,"
                    + " started_at_us = excluded.started_at_us, host = excluded.host,"
                    + " pid = excluded.pid",
                execution.executionId(),
                execution.jobName(),
                execution.team(),
                execution.platform(),
                micros(execution.startedAt()),
                execution.host(),
                execution.pid()));
  }

  @Override
  public synchronized void clearRunning(String executionId) {
    inTransaction(
        () -> update("DELETE FROM running_executions WHERE execution_id = ?", executionId));
  }

  @Override
  public synchronized List<RunningExecution> running() {
    List<RunningExecution> all =
        query(
            "SELECT * FROM running_executions",
            rs ->
                new RunningExecution(
                    rs.getString("execution_id"),
                    rs.getString("job_name"),
                    rs.getString("team"),
                    rs.getString("platform"),
                    instant(rs.getLong("started_at_us")),
                    rs.getString("host"),
                    rs.getLong("pid")));
    // Sorted here so ties order the same on every backend whatever its collation.
    return all.stream()
        .sorted(
            Comparator.comparing(RunningExecution::startedAt)
                .thenComparing(RunningExecution::executionId))
        .toList();
  }

  @Override
  public synchronized List<StageSummary> stages(String executionId) {
    return query(
        "SELECT * FROM execution_stages WHERE execution_id = ? ORDER BY stage_id, attempt_id",
        rs -> {
          long duration = rs.getLong("duration_ms");
          Long durationMs = rs.wasNull() ? null : duration;
          return new StageSummary(
              rs.getInt("stage_id"),
              rs.getInt("attempt_id"),
              rs.getString("name"),
              rs.getString("status"),
              rs.getInt("tasks"),
              rs.getInt("failed_tasks"),
              durationMs,
              rs.getLong("input_bytes"),
              rs.getLong("output_bytes"),
              rs.getLong("shuffle_read_bytes"),
              rs.getLong("shuffle_write_bytes"),
              rs.getLong("memory_spill_bytes"),
              rs.getLong("disk_spill_bytes"),
              rs.getDouble("task_time_max_ms"),
              rs.getDouble("task_time_median_ms"));
        },
        executionId);
  }

  @Override
  public synchronized List<QualityHistoryEntry> qualityHistory(RunFilter filter, int limit) {
    checkLimit(limit);
    Where where = new Where();
    timeRange(where, "at_us", filter);
    filters(where, filter);
    where.args.add(limit);
    return query(
        "SELECT * FROM data_quality_history"
            + where.sql()
            + " ORDER BY at_us DESC, "
            + dialect.ordered("execution_id")
            + ", "
            + dialect.ordered("dataset")
            + " LIMIT ?",
        this::readQuality,
        where.args.toArray());
  }

  @Override
  public synchronized List<AuditEntry> recentAudit(int limit) {
    checkLimit(limit);
    return query(
        "SELECT * FROM compliance_audit ORDER BY sequence DESC LIMIT ?", this::readAudit, limit);
  }

  @Override
  public synchronized Map<String, Long> rowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String table :
        List.of(
            "agent_day_rollups",
            "agent_invocations",
            "agent_rollups",
            "compliance_audit",
            "cost_trends",
            "data_quality_history",
            "execution_stages",
            "issue_job_rollups",
            "issue_registry",
            "issue_rollups",
            "job_executions",
            "run_rollups",
            "running_executions")) {
      counts.put(table, query("SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)).get(0));
    }
    return counts;
  }

  // ---- retention ----

  @Override
  public synchronized PurgeResult purge(RetentionPolicy retention, Clock clock) {
    Instant now = clock.instant();
    return inTransaction(() -> purgeInTransaction(retention, now));
  }

  private PurgeResult purgeInTransaction(RetentionPolicy retention, Instant now)
      throws SQLException {
    long trendsBefore =
        LocalDate.ofInstant(now.minus(retention.trends()), ZoneOffset.UTC).toEpochDay();
    long executionsBefore = micros(now.minus(retention.executions()));
    long invocationsBefore = micros(now.minus(retention.invocations()));
    update("DELETE FROM execution_stages WHERE started_at_us < ?", executionsBefore);
    // A marker whose run never got recorded (its process died) goes with the executions of its age.
    update("DELETE FROM running_executions WHERE started_at_us < ?", executionsBefore);
    PurgeResult result =
        new PurgeResult(
            update("DELETE FROM job_executions WHERE started_at_us < ?", executionsBefore),
            update("DELETE FROM agent_invocations WHERE at_us < ?", invocationsBefore),
            update("DELETE FROM cost_trends WHERE period_start_day < ?", trendsBefore),
            update(
                "DELETE FROM data_quality_history WHERE at_us < ?",
                micros(now.minus(retention.qualityHistory()))),
            purgeAudit(micros(now.minus(retention.audit()))));
    update("DELETE FROM run_rollups WHERE day < ?", trendsBefore);
    update("DELETE FROM issue_rollups WHERE day < ?", trendsBefore);
    update("DELETE FROM issue_job_rollups WHERE day < ?", trendsBefore);
    purgeAgentRollups(invocationsBefore);
    markMaintenance("purge", now);
    return result;
  }

  /**
   * Keeps the agent rollups equal to the kept invocations: the days before the cutoff's day go
   * whole; the cutoff's own day, of which only the invocations at or after the cutoff instant stay,
   * is rebuilt from those (the rollup is by day, the invocations' retention by instant).
   */
  private void purgeAgentRollups(long invocationsBefore) throws SQLException {
    long cutoffDay = Math.floorDiv(invocationsBefore, MICROS_PER_DAY);
    update("DELETE FROM agent_rollups WHERE day <= ?", cutoffDay);
    update("DELETE FROM agent_day_rollups WHERE day <= ?", cutoffDay);
    update(
        "INSERT INTO agent_rollups (day, agent, job_name, team, platform, status, invocations,"
            + " successes, duration_ms, tokens_in, tokens_out, token_cost_usd)"
            + " SELECT ?, agent, job_name, team, platform, status, COUNT(*), SUM(success),"
            + " SUM(duration_ms), SUM(tokens_in), SUM(tokens_out), SUM(token_cost_usd)"
            + " FROM agent_invocations WHERE at_us >= ? AND at_us < ?"
            + " GROUP BY agent, job_name, team, platform, status",
        cutoffDay,
        invocationsBefore,
        (cutoffDay + 1) * MICROS_PER_DAY);
    update(
        "INSERT INTO agent_day_rollups (day, agent, invocations, successes, duration_ms,"
            + " tokens_in, tokens_out, token_cost_usd)"
            + " SELECT day, agent, SUM(invocations), SUM(successes), SUM(duration_ms),"
            + " SUM(tokens_in), SUM(tokens_out), SUM(token_cost_usd)"
            + " FROM agent_rollups WHERE day = ? GROUP BY day, agent",
        cutoffDay);
  }

  /** Runs the purge in a transaction that is then rolled back: exact counts, nothing deleted. */
  @Override
  public synchronized PurgeResult wouldPurge(RetentionPolicy retention, Clock clock) {
    Instant now = clock.instant();
    return inTransactionRolledBack(() -> purgeInTransaction(retention, now));
  }

  /** The highest Flyway version applied successfully. */
  @Override
  public synchronized String schemaVersion() {
    return query(
            "SELECT version FROM strands_schema_history WHERE success = ? AND version IS NOT NULL",
            rs -> rs.getString(1),
            dialect == Dialect.SQLITE ? (Object) 1 : (Object) Boolean.TRUE)
        .stream()
        .max(Comparator.comparingLong(Long::parseLong))
        .orElse("none");
  }

  /**
   * Deletes the oldest prefix of the chain whose entries are all older than {@code beforeMicros}
   * (an old entry behind a younger one stays, so the kept chain has no gap) and records the last
   * one deleted in the head.
   */
  private long purgeAudit(long beforeMicros) throws SQLException {
    List<Long> firstKept =
        query(
            "SELECT MIN(sequence) FROM compliance_audit WHERE at_us >= ?",
            rs -> rs.getObject(1) == null ? null : rs.getLong(1),
            beforeMicros);
    Long keepFrom = firstKept.isEmpty() ? null : firstKept.get(0);
    List<AuditEntry> last =
        query(
            "SELECT * FROM compliance_audit WHERE sequence < ? ORDER BY sequence DESC LIMIT 1",
            this::readAudit,
            keepFrom == null ? Long.MAX_VALUE : keepFrom);
    if (last.isEmpty()) {
      return 0;
    }
    long deleted =
        update("DELETE FROM compliance_audit WHERE sequence <= ?", last.get(0).sequence());
    update(
        "UPDATE compliance_audit_head SET purged_through = ?, purged_hash = ? WHERE singleton = 1",
        last.get(0).sequence(),
        last.get(0).hash());
    return deleted;
  }

  /**
   * Purges by the configured retention when automatic purging is on and the last purge (by any
   * process) is at least {@link #AUTO_PURGE_INTERVAL} old by the store's clock.
   *
   * @return the purge result, or empty when it was not due
   */
  public synchronized Optional<PurgeResult> purgeIfDue() {
    Instant now = options.clock().instant();
    return inTransaction(
        () -> {
          Optional<Instant> last = lastMaintenance("purge");
          if (last.isPresent() && now.isBefore(last.get().plus(AUTO_PURGE_INTERVAL))) {
            return Optional.empty();
          }
          return Optional.of(purgeInTransaction(options.retention(), now));
        });
  }

  /** When the last purge ran (by any process), empty when never. */
  public synchronized Optional<Instant> lastPurge() {
    return lastMaintenance("purge");
  }

  private void maybeAutoPurge() {
    if (!options.autoPurge() || options.clock().instant().isBefore(noPurgeCheckBefore)) {
      return;
    }
    purgeIfDue();
    // Look at the shared table again only when a purge can next be due: one check a day, not a
    // transaction per run.
    noPurgeCheckBefore = lastPurge().map(at -> at.plus(AUTO_PURGE_INTERVAL)).orElse(Instant.MIN);
  }

  private Optional<Instant> lastMaintenance(String task) {
    return query(
            "SELECT last_run_us FROM store_maintenance WHERE task = ?",
            rs -> instant(rs.getLong(1)),
            task)
        .stream()
        .findFirst();
  }

  private void markMaintenance(String task, Instant at) throws SQLException {
    update(
        "INSERT INTO store_maintenance (task, last_run_us) VALUES (?, ?)"
            + " ON CONFLICT (task) DO UPDATE SET last_run_us = excluded.last_run_us",
        task,
        micros(at));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw failure("close tracking store " + where, e);
    }
  }

  // ---- writes (inside a transaction) ----

  private void insertExecution(ExecutionRecord execution) throws SQLException {
    PreparedStatement statement =
        prepare(
            "INSERT INTO job_executions (execution_id, job_name, job_type, team, platform, status,"
                + " started_at_us, ended_at_us, duration_ms, total_cost_usd, data_processed_bytes,"
                + " quality_overall, record_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.setString(1, execution.executionId());
    statement.setString(2, execution.jobName());
    statement.setString(3, execution.jobType().name());
    statement.setString(4, RunFilter.teamOf(execution));
    statement.setString(5, execution.platform());
    statement.setString(6, execution.status().name());
    statement.setLong(7, micros(execution.startedAt()));
    statement.setLong(8, micros(execution.endedAt()));
    statement.setLong(9, execution.duration().toMillis());
    if (execution.cost() == null) {
      statement.setNull(10, Types.DOUBLE);
    } else {
      statement.setDouble(10, execution.cost().totalUsd());
    }
    if (execution.metrics() == null) {
      statement.setNull(11, Types.BIGINT);
    } else {
      statement.setLong(11, execution.metrics().dataProcessedBytes());
    }
    if (execution.quality() == null) {
      statement.setNull(12, Types.DOUBLE);
    } else {
      statement.setDouble(12, execution.quality().scores().overall());
    }
    statement.setString(13, toJson(execution));
    statement.executeUpdate();
  }

  private void insertInvocation(AgentInvocation invocation, ExecutionRecord execution)
      throws SQLException {
    update(
        "INSERT INTO agent_invocations (invocation_id, execution_id, agent, tool, at_us,"
            + " input_summary, output_summary, duration_ms, success, error, tokens_in, tokens_out,"
            + " token_cost_usd, job_name, team, platform, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        invocation.invocationId(),
        invocation.executionId(),
        invocation.agent(),
        invocation.tool(),
        micros(invocation.at()),
        invocation.inputSummary(),
        invocation.outputSummary(),
        invocation.durationMs(),
        invocation.success() ? 1 : 0,
        invocation.error(),
        invocation.tokensIn(),
        invocation.tokensOut(),
        invocation.tokenCostUsd(),
        execution.jobName(),
        RunFilter.teamOf(execution),
        execution.platform(),
        execution.status().name());
  }

  /** Adds one invocation to its day's rows of both agent rollups (additive upserts). */
  private void addToAgentRollups(AgentInvocation invocation, ExecutionRecord execution)
      throws SQLException {
    long day = LocalDate.ofInstant(invocation.at(), ZoneOffset.UTC).toEpochDay();
    int ok = invocation.success() ? 1 : 0;
    update(
        "INSERT INTO agent_rollups AS a (day, agent, job_name, team, platform, status,"
            + " invocations, successes, duration_ms, tokens_in, tokens_out, token_cost_usd)"
            + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (day, agent, job_name, team, platform, status) DO UPDATE SET"
            + " invocations = a.invocations + 1, successes = a.successes + excluded.successes,"
            + " duration_ms = a.duration_ms + excluded.duration_ms,"
            + " tokens_in = a.tokens_in + excluded.tokens_in,"
            + " tokens_out = a.tokens_out + excluded.tokens_out,"
            + " token_cost_usd = a.token_cost_usd + excluded.token_cost_usd",
        day,
        invocation.agent(),
        execution.jobName(),
        RunFilter.teamOf(execution),
        execution.platform(),
        execution.status().name(),
        ok,
        invocation.durationMs(),
        invocation.tokensIn(),
        invocation.tokensOut(),
        invocation.tokenCostUsd());
    update(
        "INSERT INTO agent_day_rollups AS a (day, agent, invocations, successes, duration_ms,"
            + " tokens_in, tokens_out, token_cost_usd) VALUES (?, ?, 1, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (day, agent) DO UPDATE SET"
            + " invocations = a.invocations + 1, successes = a.successes + excluded.successes,"
            + " duration_ms = a.duration_ms + excluded.duration_ms,"
            + " tokens_in = a.tokens_in + excluded.tokens_in,"
            + " tokens_out = a.tokens_out + excluded.tokens_out,"
            + " token_cost_usd = a.token_cost_usd + excluded.token_cost_usd",
        day,
        invocation.agent(),
        ok,
        invocation.durationMs(),
        invocation.tokensIn(),
        invocation.tokensOut(),
        invocation.tokenCostUsd());
  }

  /** The run's stages in one JDBC batch: one round trip to a server backend, not one per stage. */
  private void insertStages(List<StageSummary> stages, ExecutionRecord execution)
      throws SQLException {
    if (stages.isEmpty()) {
      return;
    }
    PreparedStatement statement =
        prepare(
            "INSERT INTO execution_stages (execution_id, stage_id, attempt_id, started_at_us, name,"
                + " status, tasks, failed_tasks, duration_ms, input_bytes, output_bytes,"
                + " shuffle_read_bytes, shuffle_write_bytes, memory_spill_bytes, disk_spill_bytes,"
                + " task_time_max_ms, task_time_median_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (StageSummary stage : stages) {
      bind(
          statement,
          execution.executionId(),
          stage.stageId(),
          stage.attemptId(),
          micros(execution.startedAt()),
          stage.name(),
          stage.status(),
          stage.tasks(),
          stage.failedTasks(),
          stage.durationMs(),
          stage.inputBytes(),
          stage.outputBytes(),
          stage.shuffleReadBytes(),
          stage.shuffleWriteBytes(),
          stage.memorySpillBytes(),
          stage.diskSpillBytes(),
          stage.taskTimeMaxMs(),
          stage.taskTimeMedianMs());
      if (stage.durationMs() == null) {
        // Typed, so every row of the batch binds the same types (PostgreSQL's driver checks).
        statement.setNull(9, Types.BIGINT);
      }
      statement.addBatch();
    }
    statement.executeBatch();
  }

  private void insertQuality(QualityHistoryEntry entry, ExecutionRecord execution)
      throws SQLException {
    QualityScores scores = entry.scores();
    update(
        "INSERT INTO data_quality_history (execution_id, dataset, job_name, at_us, completeness,"
            + " accuracy, consistency, timeliness, validity, overall, trend, anomalies_json,"
            + " team, platform, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.executionId(),
        entry.dataset(),
        entry.jobName(),
        micros(entry.at()),
        scores.completeness(),
        scores.accuracy(),
        scores.consistency(),
        scores.timeliness(),
        scores.validity(),
        scores.overall(),
        entry.trend().name(),
        toJson(entry.anomalies()),
        RunFilter.teamOf(execution),
        execution.platform(),
        execution.status().name());
  }

  private void upsertIssue(IssueEntry issue) throws SQLException {
    update(
        "INSERT INTO issue_registry (job_name, issue_type, severity, occurrences, first_seen_us,"
            + " last_seen_us, status, resolved_at_us, resolved_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (job_name, issue_type) DO UPDATE SET severity = excluded.severity,"
            + " occurrences = excluded.occurrences, first_seen_us = excluded.first_seen_us,"
            + " last_seen_us = excluded.last_seen_us, status = excluded.status,"
            + " resolved_at_us = excluded.resolved_at_us, resolved_by = excluded.resolved_by",
        issue.key().jobName(),
        issue.key().issueType(),
        issue.severity().name(),
        issue.occurrences(),
        micros(issue.firstSeen()),
        micros(issue.lastSeen()),
        issue.status().name(),
        issue.resolvedAt() == null ? null : micros(issue.resolvedAt()),
        issue.resolvedBy());
  }

  private void addToTrend(Period period, String jobName, ExecutionRecord execution)
      throws SQLException {
    // An upsert that adds, so the rollup never depends on a value read earlier.
    update(
        "INSERT INTO cost_trends AS t (period, job_name, period_start_day, runs, successes,"
            + " failures, cost_usd, duration_ms, data_processed_bytes)"
            + " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (period, job_name, period_start_day) DO UPDATE SET"
            + " runs = t.runs + 1, successes = t.successes + excluded.successes,"
            + " failures = t.failures + excluded.failures,"
            + " cost_usd = t.cost_usd + excluded.cost_usd,"
            + " duration_ms = t.duration_ms + excluded.duration_ms,"
            + " data_processed_bytes = t.data_processed_bytes + excluded.data_processed_bytes",
        period.name(),
        jobName,
        period.startOf(execution.startedAt()).toEpochDay(),
        execution.status() == ExecutionStatus.SUCCEEDED ? 1 : 0,
        execution.status() == ExecutionStatus.FAILED ? 1 : 0,
        execution.totalCostUsd(),
        execution.duration().toMillis(),
        execution.dataProcessedBytes());
  }

  /**
   * Adds the run to its day's row of {@code run_rollups} and its issues to {@code issue_rollups}.
   */
  private void addToRollups(ExecutionRecord execution) throws SQLException {
    long day = RunFilter.dayOf(execution).toEpochDay();
    String team = RunFilter.teamOf(execution);
    QualitySummary quality = execution.quality();
    RunStats.QualitySums q =
        quality == null
            ? RunStats.QualitySums.ZERO
            : RunStats.QualitySums.ZERO.plus(quality.scores());
    ComplianceSummary compliance = execution.compliance();
    update(
        "INSERT INTO run_rollups AS r (day, job_name, job_type, team, platform, status, runs,"
            + " cost_usd, duration_ms, data_processed_bytes, quality_runs, completeness_sum,"
            + " accuracy_sum, consistency_sum, timeliness_sum, validity_sum, overall_sum,"
            + " compliance_runs, gdpr_compliant_runs, hipaa_compliant_runs, pii_columns_detected,"
            + " pii_columns_masked, completeness_runs, accuracy_runs, consistency_runs,"
            + " timeliness_runs, validity_runs)"
            + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?)"
            + " ON CONFLICT (day, job_name, job_type, team, platform, status) DO UPDATE SET"
            + " runs = r.runs + 1, cost_usd = r.cost_usd + excluded.cost_usd,"
            + " duration_ms = r.duration_ms + excluded.duration_ms,"
            + " data_processed_bytes = r.data_processed_bytes + excluded.data_processed_bytes,"
            + " quality_runs = r.quality_runs + excluded.quality_runs,"
            + " completeness_sum = r.completeness_sum + excluded.completeness_sum,"
            + " accuracy_sum = r.accuracy_sum + excluded.accuracy_sum,"
            + " consistency_sum = r.consistency_sum + excluded.consistency_sum,"
            + " timeliness_sum = r.timeliness_sum + excluded.timeliness_sum,"
            + " validity_sum = r.validity_sum + excluded.validity_sum,"
            + " overall_sum = r.overall_sum + excluded.overall_sum,"
            + " compliance_runs = r.compliance_runs + excluded.compliance_runs,"
            + " gdpr_compliant_runs = r.gdpr_compliant_runs + excluded.gdpr_compliant_runs,"
            + " hipaa_compliant_runs = r.hipaa_compliant_runs + excluded.hipaa_compliant_runs,"
            + " pii_columns_detected = r.pii_columns_detected + excluded.pii_columns_detected,"
            + " pii_columns_masked = r.pii_columns_masked + excluded.pii_columns_masked,"
            + " completeness_runs = r.completeness_runs + excluded.completeness_runs,"
            + " accuracy_runs = r.accuracy_runs + excluded.accuracy_runs,"
            + " consistency_runs = r.consistency_runs + excluded.consistency_runs,"
            + " timeliness_runs = r.timeliness_runs + excluded.timeliness_runs,"
            + " validity_runs = r.validity_runs + excluded.validity_runs",
        day,
        execution.jobName(),
        execution.jobType().name(),
        team,
        execution.platform(),
        execution.status().name(),
        execution.totalCostUsd(),
        execution.duration().toMillis(),
        execution.dataProcessedBytes(),
        quality == null ? 0 : 1,
        q.completeness(),
        q.accuracy(),
        q.consistency(),
        q.timeliness(),
        q.validity(),
        q.overall(),
        compliance == null ? 0 : 1,
        compliance != null && compliance.gdprCompliant() ? 1 : 0,
        compliance != null && compliance.hipaaCompliant() ? 1 : 0,
        compliance == null ? 0 : compliance.piiColumnsDetected(),
        compliance == null ? 0 : compliance.piiColumnsMasked(),
        q.completenessRuns(),
        q.accuracyRuns(),
        q.consistencyRuns(),
        q.timelinessRuns(),
        q.validityRuns());
    for (DetectedIssue issue : execution.issues()) {
      update(
          "INSERT INTO issue_rollups AS i (day, job_name, job_type, team, platform, status,"
              + " issue_type, severity, occurrences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
              + " ON CONFLICT (day, job_name, job_type, team, platform, status, issue_type,"
              + " severity) DO UPDATE SET occurrences = i.occurrences + 1",
          day,
          execution.jobName(),
          execution.jobType().name(),
          team,
          execution.platform(),
          execution.status().name(),
          issue.type(),
          issue.severity().name());
      update(
          "INSERT INTO issue_job_rollups AS i (day, job_name, issue_type, severity, occurrences)"
              + " VALUES (?, ?, ?, ?, 1) ON CONFLICT (day, job_name, issue_type, severity)"
              + " DO UPDATE SET occurrences = i.occurrences + 1",
          day,
          execution.jobName(),
          issue.type(),
          issue.severity().name());
    }
  }

  private AuditEntry append(AuditEvent event) throws SQLException {
    AuditHead head = readHead();
    AuditEntry entry = AuditEntry.chain(head.lastSequence() + 1, event, head.lastHash());
    update(
        "INSERT INTO compliance_audit (sequence, at_us, actor, action, subject, details,"
            + " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        entry.sequence(),
        micros(event.at()),
        event.actor(),
        event.action(),
        event.subject(),
        event.details(),
        entry.previousHash(),
        entry.hash());
    update(
        "UPDATE compliance_audit_head SET last_sequence = ?, last_hash = ? WHERE singleton = 1",
        entry.sequence(),
        entry.hash());
    return entry;
  }

  // ---- reading ----

  private AuditHead readHead() {
    List<AuditHead> head =
        query(
            "SELECT last_sequence, last_hash, purged_through, purged_hash"
                + " FROM compliance_audit_head WHERE singleton = 1",
            rs -> new AuditHead(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
    if (head.size() != 1) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot read audit chain head: missing in " + where);
    }
    return head.get(0);
  }

  /** Sums of {@code run_rollups} grouped by {@code column}; DAY keys become ISO dates. */
  private List<RunStats> rollup(RunFilter filter, String column) {
    Where where = new Where();
    rollupFilters(where, filter);
    Dimension dimension = column.equals("day") ? Dimension.DAY : null;
    return query(
        "SELECT "
            + column
            + " AS grp, SUM(runs) AS runs,"
            + " SUM(CASE WHEN status = 'SUCCEEDED' THEN runs ELSE 0 END) AS successes,"
            + " SUM(CASE WHEN status = 'FAILED' THEN runs ELSE 0 END) AS failures,"
            + " SUM(cost_usd) AS cost_usd, SUM(duration_ms) AS duration_ms,"
            + " SUM(data_processed_bytes) AS data_processed_bytes,"
            + " SUM(quality_runs) AS quality_runs, SUM(completeness_sum) AS completeness_sum,"
            + " SUM(accuracy_sum) AS accuracy_sum, SUM(consistency_sum) AS consistency_sum,"
            + " SUM(timeliness_sum) AS timeliness_sum, SUM(validity_sum) AS validity_sum,"
            + " SUM(overall_sum) AS overall_sum, SUM(compliance_runs) AS compliance_runs,"
            + " SUM(gdpr_compliant_runs) AS gdpr_compliant_runs,"
            + " SUM(hipaa_compliant_runs) AS hipaa_compliant_runs,"
            + " SUM(pii_columns_detected) AS pii_columns_detected,"
            + " SUM(pii_columns_masked) AS pii_columns_masked,"
            + " SUM(completeness_runs) AS completeness_runs, SUM(accuracy_runs) AS accuracy_runs,"
            + " SUM(consistency_runs) AS consistency_runs,"
            + " SUM(timeliness_runs) AS timeliness_runs, SUM(validity_runs) AS validity_runs"
            + " FROM run_rollups"
            + where.sql()
            + " GROUP BY "
            + column,
        rs ->
            new RunStats(
                dimension == Dimension.DAY
                    ? LocalDate.ofEpochDay(rs.getLong("grp")).toString()
                    : rs.getString("grp"),
                rs.getLong("runs"),
                rs.getLong("successes"),
                rs.getLong("failures"),
                // Sums of non-negative values; max() guards against -0.0 from rounding.
                Math.max(0, rs.getDouble("cost_usd")),
                rs.getLong("duration_ms"),
                rs.getLong("data_processed_bytes"),
                rs.getLong("quality_runs"),
                new RunStats.QualitySums(
                    rs.getDouble("completeness_sum"),
                    rs.getDouble("accuracy_sum"),
                    rs.getDouble("consistency_sum"),
                    rs.getDouble("timeliness_sum"),
                    rs.getDouble("validity_sum"),
                    rs.getDouble("overall_sum"),
                    rs.getLong("completeness_runs"),
                    rs.getLong("accuracy_runs"),
                    rs.getLong("consistency_runs"),
                    rs.getLong("timeliness_runs"),
                    rs.getLong("validity_runs")),
                rs.getLong("compliance_runs"),
                rs.getLong("gdpr_compliant_runs"),
                rs.getLong("hipaa_compliant_runs"),
                rs.getLong("pii_columns_detected"),
                rs.getLong("pii_columns_masked")),
        where.args.toArray());
  }

  private static String column(Dimension dimension) {
    return switch (dimension) {
      case DAY -> "day";
      case JOB -> "job_name";
      case JOB_TYPE -> "job_type";
      case TEAM -> "team";
      case PLATFORM -> "platform";
      case STATUS -> "status";
    };
  }

  private static String key(Dimension dimension, ResultSet rs, String column) throws SQLException {
    return dimension == Dimension.DAY
        ? LocalDate.ofEpochDay(rs.getLong(column)).toString()
        : rs.getString(column);
  }

  private static void rollupFilters(Where where, RunFilter filter) {
    if (filter.from() != null) {
      where.add("day >= ?", clampDay(filter.from()));
    }
    if (filter.to() != null) {
      where.add("day <= ?", clampDay(filter.to()));
    }
    filters(where, filter);
  }

  /** Filters on the denormalised columns every filtered table has. */
  private static void filters(Where where, RunFilter filter) {
    where.equal("job_name", filter.jobName());
    where.equal("team", filter.team());
    where.equal("platform", filter.platform());
    where.equal("status", filter.status() == null ? null : filter.status().name());
  }

  private static void timeRange(Where where, String column, RunFilter filter) {
    if (filter.from() != null) {
      where.add(column + " >= ?", clampDay(filter.from()) * MICROS_PER_DAY);
    }
    if (filter.to() != null) {
      where.add(column + " < ?", (clampDay(filter.to()) + 1) * MICROS_PER_DAY);
    }
  }

  /** An epoch day within the range whose microseconds fit a long (LocalDate.MIN/MAX do not). */
  private static long clampDay(LocalDate day) {
    long limit = Long.MAX_VALUE / MICROS_PER_DAY - 1;
    return Math.max(-limit, Math.min(limit, day.toEpochDay()));
  }

  /** A WHERE clause built from optional conditions. */
  private static final class Where {
    private final List<String> conditions = new ArrayList<>();
    final List<Object> args = new ArrayList<>();

    void add(String condition, Object arg) {
      conditions.add(condition);
      args.add(arg);
    }

    void equal(String column, String value) {
      if (value != null) {
        add(column + " = ?", value);
      }
    }

    String sql() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
  }

  private ExecutionRecord readExecution(ResultSet rs) throws SQLException {
    return fromJson(rs.getString("record_json"), EXECUTION);
  }

  private AgentInvocation readInvocation(ResultSet rs) throws SQLException {
    return new AgentInvocation(
        rs.getString("invocation_id"),
        rs.getString("execution_id"),
        rs.getString("agent"),
        rs.getString("tool"),
        instant(rs.getLong("at_us")),
        rs.getString("input_summary"),
        rs.getString("output_summary"),
        rs.getLong("duration_ms"),
        rs.getInt("success") != 0,
        rs.getString("error"),
        rs.getLong("tokens_in"),
        rs.getLong("tokens_out"),
        rs.getDouble("token_cost_usd"));
  }

  private QualityHistoryEntry readQuality(ResultSet rs) throws SQLException {
    return new QualityHistoryEntry(
        rs.getString("execution_id"),
        rs.getString("job_name"),
        rs.getString("dataset"),
        instant(rs.getLong("at_us")),
        new QualityScores(
            // SQL NULL = not measured: nullableDouble, never getDouble (which reads 0).
            nullableDouble(rs, "completeness"),
            nullableDouble(rs, "accuracy"),
            nullableDouble(rs, "consistency"),
            nullableDouble(rs, "timeliness"),
            nullableDouble(rs, "validity"),
            rs.getDouble("overall")),
        QualityTrend.valueOf(rs.getString("trend")),
        fromJson(rs.getString("anomalies_json"), STRINGS));
  }

  private AuditEntry readAudit(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong("sequence"),
        new AuditEvent(
            instant(rs.getLong("at_us")),
            rs.getString("actor"),
            rs.getString("action"),
            rs.getString("subject"),
            rs.getString("details")),
        rs.getString("previous_hash"),
        rs.getString("hash"));
  }

  private IssueEntry readIssue(ResultSet rs) throws SQLException {
    long resolvedAt = rs.getLong("resolved_at_us");
    boolean resolved = !rs.wasNull();
    return new IssueEntry(
        new IssueKey(rs.getString("job_name"), rs.getString("issue_type")),
        Severity.valueOf(rs.getString("severity")),
        rs.getLong("occurrences"),
        instant(rs.getLong("first_seen_us")),
        instant(rs.getLong("last_seen_us")),
        IssueStatus.valueOf(rs.getString("status")),
        resolved ? instant(resolvedAt) : null,
        rs.getString("resolved_by"));
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  // ---- JDBC plumbing ----

  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code work} in one write transaction: committed when it returns, rolled back when it
   * throws.
   */
  <T> T inTransaction(Work<T> work) {
    checkOpen();
    try {
      dialect.begin(connection);
    } catch (SQLException e) {
      throw failure("start a write transaction on tracking store " + where, e);
    }
    try {
      T result = work.run();
      dialect.commit(connection);
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        dialect.rollback(connection);
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw failure("write tracking store " + where, (SQLException) e);
    }
  }

  /** Runs {@code work} in a write transaction and rolls it back whatever happens. */
  <T> T inTransactionRolledBack(Work<T> work) {
    checkOpen();
    try {
      dialect.begin(connection);
    } catch (SQLException e) {
      throw failure("start a write transaction on tracking store " + where, e);
    }
    try {
      return work.run();
    } catch (SQLException e) {
      throw failure("read tracking store " + where, e);
    } finally {
      try {
        dialect.rollback(connection);
      } catch (SQLException e) {
        throw failure("roll back on tracking store " + where, e);
      }
    }
  }

  <T> List<T> query(String sql, Row<T> row, Object... args) {
    checkOpen();
    try {
      PreparedStatement statement = prepare(sql);
      bind(statement, args);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw failure("read tracking store " + where, e);
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  private boolean exists(String sql, Object... args) {
    return !query(sql, rs -> Boolean.TRUE, args).isEmpty();
  }

  private long update(String sql, Object... args) throws SQLException {
    PreparedStatement statement = prepare(sql);
    bind(statement, args);
    return statement.executeUpdate();
  }

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg == null) {
        // Untyped: the driver takes the column's type (text or microseconds here).
        statement.setNull(i + 1, Types.NULL);
      } else if (arg instanceof String text) {
        statement.setString(i + 1, text);
      } else if (arg instanceof Integer number) {
        statement.setInt(i + 1, number);
      } else if (arg instanceof Long number) {
        statement.setLong(i + 1, number);
      } else if (arg instanceof Boolean flag) {
        statement.setBoolean(i + 1, flag);
      } else if (arg instanceof Double number) {
        statement.setDouble(i + 1, number);
      } else {
        statement.setObject(i + 1, arg);
      }
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid query limit: " + limit + " (must be >= 1)");
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot write JSON of " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> T fromJson(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot read tracking store "
              + where
              + ": invalid stored JSON ("
              + e.getOriginalMessage()
              + ")",
          e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StrandsException(ErrorCode.INTERNAL_ERROR, "Cannot use tracking store: closed");
    }
  }

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  StrandsException failure(String what, SQLException e) {
    return new StrandsException(
        ErrorCode.IO_ERROR, "Cannot " + what + " (" + redact(e.getMessage()) + ")", e);
  }

  /** A driver message with any credential removed; backends with secrets override. */
  String redact(String message) {
    return message;
  }
}
