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
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.CostTrend;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueKey;
import io.strandsetl.model.store.IssueLifecycle;
import io.strandsetl.model.store.IssueStatus;
import io.strandsetl.model.store.Period;
import io.strandsetl.model.store.PurgeResult;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualityTrend;
import io.strandsetl.model.store.RetentionPolicy;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.TrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded {@link io.strandsetl.model.store.TrackingStore}: one SQLite file, created on first
 * use, schema by Flyway migrations ({@code db/strands/sqlite}), WAL journal.
 *
 * <p>Concurrency: every write transaction starts {@code BEGIN IMMEDIATE}, so it takes the file's
 * write lock before reading what it updates (issue registry, audit head); a second process waits up
 * to the busy timeout instead of failing, and nothing is lost. Within this process one connection
 * is shared under this object's lock. Commits are {@code synchronous=FULL}: a committed run
 * survives a crash or power loss.
 */
public final class SqliteTrackingStore implements TrackingStore {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  // Flyway logs every open at INFO through java.util.logging; a user's terminal should show only
  // its warnings. Held in a field because JUL keeps loggers weakly and would forget the level.
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private final Path file;
  private final Connection connection;
  private final ObjectMapper json;
  private boolean closed;

  private SqliteTrackingStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Documents written by a newer version may carry fields this one does not know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Opens the store in {@code file}, creating the file, its directories and the schema (or
   * migrating an older schema) when needed.
   *
   * @param busyTimeoutMs how long a write waits for another process's transaction, milliseconds
   */
  public static SqliteTrackingStore open(Path file, long busyTimeoutMs) {
    Path absolute = file.toAbsolutePath();
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot create tracking store directory: " + absolute.getParent(), e);
    }
    if (FLYWAY_LOG.getLevel() == null) {
      FLYWAY_LOG.setLevel(Level.WARNING);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeoutMs));
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + absolute);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/strands/sqlite")
          .table("strands_schema_history")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot migrate tracking store schema: " + absolute + " (" + e.getMessage() + ")",
          e);
    }
    try {
      // Auto-commit stays on: reads are their own short transactions, and writes open theirs
      // explicitly with BEGIN IMMEDIATE (see inTransaction).
      Connection connection = dataSource.getConnection();
      return new SqliteTrackingStore(absolute, connection);
    } catch (SQLException e) {
      throw failure("open tracking store " + absolute, e);
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void recordRun(RunRecord run) {
    ExecutionRecord execution = run.execution();
    inTransaction(
        () -> {
          if (exists(
              "SELECT 1 FROM job_executions WHERE execution_id = ?", execution.executionId())) {
            throw new StrandsException(
                ErrorCode.INVALID_ARGUMENT,
                "Cannot record execution: " + execution.executionId() + " (already recorded)");
          }
          for (AgentInvocation invocation : run.invocations()) {
            if (exists(
                "SELECT 1 FROM agent_invocations WHERE invocation_id = ?",
                invocation.invocationId())) {
              throw new StrandsException(
                  ErrorCode.INVALID_ARGUMENT,
                  "Cannot record invocation: " + invocation.invocationId() + " (already recorded)");
            }
          }
          insertExecution(execution);
          for (AgentInvocation invocation : run.invocations()) {
            insertInvocation(invocation);
          }
          for (QualityHistoryEntry entry : run.quality()) {
            insertQuality(entry);
          }
          for (IssueEntry issue : IssueLifecycle.apply(issuesOf(execution.jobName()), execution)) {
            upsertIssue(issue);
          }
          for (Period period : Period.values()) {
            addToTrend(period, execution.jobName(), execution);
            addToTrend(period, CostTrend.ALL_JOBS, execution);
          }
          for (AuditEvent event : run.audit()) {
            append(event);
          }
          return null;
        });
  }

  @Override
  public synchronized Optional<ExecutionRecord> findExecution(String executionId) {
    List<ExecutionRecord> found =
        query(
            "SELECT record_json FROM job_executions WHERE execution_id = ?",
            this::readExecution,
            executionId);
    return found.stream().findFirst();
  }

  @Override
  public synchronized List<ExecutionRecord> listExecutions(ExecutionQuery query) {
    StringBuilder sql = new StringBuilder("SELECT record_json FROM job_executions WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (query.jobName() != null) {
      sql.append(" AND job_name = ?");
      args.add(query.jobName());
    }
    if (query.status() != null) {
      sql.append(" AND status = ?");
      args.add(query.status().name());
    }
    if (query.since() != null) {
      sql.append(" AND started_at_us >= ?");
      args.add(micros(query.since()));
    }
    sql.append(" ORDER BY started_at_us DESC, execution_id ASC LIMIT ?");
    args.add(query.limit());
    return query(sql.toString(), this::readExecution, args.toArray());
  }

  @Override
  public synchronized List<AgentInvocation> invocations(String executionId) {
    return query(
        "SELECT * FROM agent_invocations WHERE execution_id = ? ORDER BY at_us, invocation_id",
        rs ->
            new AgentInvocation(
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
                rs.getDouble("token_cost_usd")),
        executionId);
  }

  @Override
  public synchronized List<IssueEntry> issues() {
    return query("SELECT * FROM issue_registry ORDER BY job_name, issue_type", this::readIssue);
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
        from.toEpochDay(),
        to.toEpochDay());
  }

  @Override
  public synchronized List<QualityHistoryEntry> qualityHistory(String jobName, String dataset) {
    return query(
        "SELECT * FROM data_quality_history WHERE job_name = ? AND dataset = ?"
            + " ORDER BY at_us, execution_id",
        rs ->
            new QualityHistoryEntry(
                rs.getString("execution_id"),
                rs.getString("job_name"),
                rs.getString("dataset"),
                instant(rs.getLong("at_us")),
                new QualityScores(
                    rs.getDouble("completeness"),
                    rs.getDouble("accuracy"),
                    rs.getDouble("consistency"),
                    rs.getDouble("timeliness"),
                    rs.getDouble("validity"),
                    rs.getDouble("overall")),
                QualityTrend.valueOf(rs.getString("trend")),
                fromJson(rs.getString("anomalies_json"), STRINGS)),
        jobName,
        dataset);
  }

  @Override
  public synchronized AuditEntry appendAudit(AuditEvent event) {
    return inTransaction(() -> append(event));
  }

  @Override
  public synchronized List<AuditEntry> auditTrail() {
    // Stored order is rowid order for an INTEGER PRIMARY KEY, which is the sequence.
    return query(
        "SELECT * FROM compliance_audit ORDER BY sequence",
        rs ->
            new AuditEntry(
                rs.getLong("sequence"),
                new AuditEvent(
                    instant(rs.getLong("at_us")),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("subject"),
                    rs.getString("details")),
                rs.getString("previous_hash"),
                rs.getString("hash")));
  }

  @Override
  public synchronized PurgeResult purge(RetentionPolicy retention, Clock clock) {
    Instant now = clock.instant();
    return inTransaction(
        () ->
            new PurgeResult(
                update(
                    "DELETE FROM job_executions WHERE started_at_us < ?",
                    micros(now.minus(retention.executions()))),
                update(
                    "DELETE FROM agent_invocations WHERE at_us < ?",
                    micros(now.minus(retention.invocations()))),
                update(
                    "DELETE FROM cost_trends WHERE period_start_day < ?",
                    LocalDate.ofInstant(now.minus(retention.trends()), ZoneOffset.UTC)
                        .toEpochDay()),
                update(
                    "DELETE FROM data_quality_history WHERE at_us < ?",
                    micros(now.minus(retention.qualityHistory()))),
                update(
                    "DELETE FROM compliance_audit WHERE at_us < ?",
                    micros(now.minus(retention.audit())))));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close tracking store " + file, e);
    }
  }

  // ---- writes (inside a transaction) ----

  private void insertExecution(ExecutionRecord execution) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO job_executions (execution_id, job_name, job_type, platform, status,"
                + " started_at_us, ended_at_us, duration_ms, total_cost_usd, data_processed_bytes,"
                + " record_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, execution.executionId());
      statement.setString(2, execution.jobName());
      statement.setString(3, execution.jobType().name());
      statement.setString(4, execution.platform());
      statement.setString(5, execution.status().name());
      statement.setLong(6, micros(execution.startedAt()));
      statement.setLong(7, micros(execution.endedAt()));
      statement.setLong(8, execution.duration().toMillis());
      if (execution.cost() == null) {
        statement.setNull(9, Types.REAL);
      } else {
        statement.setDouble(9, execution.cost().totalUsd());
      }
      if (execution.metrics() == null) {
        statement.setNull(10, Types.INTEGER);
      } else {
        statement.setLong(10, execution.metrics().dataProcessedBytes());
      }
      statement.setString(11, toJson(execution));
      statement.executeUpdate();
    }
  }

  private void insertInvocation(AgentInvocation invocation) throws SQLException {
    update(
        "INSERT INTO agent_invocations (invocation_id, execution_id, agent, tool, at_us,"
            + " input_summary, output_summary, duration_ms, success, error, tokens_in, tokens_out,"
            + " token_cost_usd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        invocation.tokenCostUsd());
  }

  private void insertQuality(QualityHistoryEntry entry) throws SQLException {
    QualityScores scores = entry.scores();
    update(
        "INSERT INTO data_quality_history (execution_id, dataset, job_name, at_us, completeness,"
            + " accuracy, consistency, timeliness, validity, overall, trend, anomalies_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        toJson(entry.anomalies()));
  }

  private List<IssueEntry> issuesOf(String jobName) {
    return query("SELECT * FROM issue_registry WHERE job_name = ?", this::readIssue, jobName);
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
        "INSERT INTO cost_trends (period, job_name, period_start_day, runs, successes, failures,"
            + " cost_usd, duration_ms, data_processed_bytes) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (period, job_name, period_start_day) DO UPDATE SET"
            + " runs = runs + 1, successes = successes + excluded.successes,"
            + " failures = failures + excluded.failures, cost_usd = cost_usd + excluded.cost_usd,"
            + " duration_ms = duration_ms + excluded.duration_ms,"
            + " data_processed_bytes = data_processed_bytes + excluded.data_processed_bytes",
        period.name(),
        jobName,
        period.startOf(execution.startedAt()).toEpochDay(),
        execution.status() == ExecutionStatus.SUCCEEDED ? 1 : 0,
        execution.status() == ExecutionStatus.FAILED ? 1 : 0,
        execution.totalCostUsd(),
        execution.duration().toMillis(),
        execution.dataProcessedBytes());
  }

  private AuditEntry append(AuditEvent event) throws SQLException {
    List<Object[]> head =
        query(
            "SELECT last_sequence, last_hash FROM compliance_audit_head WHERE singleton = 1",
            rs -> new Object[] {rs.getLong(1), rs.getString(2)});
    if (head.size() != 1) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot append audit entry: chain head missing in " + file);
    }
    AuditEntry entry = AuditEntry.chain((Long) head.get(0)[0] + 1, event, (String) head.get(0)[1]);
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

  private ExecutionRecord readExecution(ResultSet rs) throws SQLException {
    return fromJson(rs.getString("record_json"), new TypeReference<ExecutionRecord>() {});
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

  // ---- JDBC plumbing ----

  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  private <T> T inTransaction(Work<T> work) {
    checkOpen();
    try {
      execute("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      throw failure("start a write transaction on tracking store " + file, e);
    }
    try {
      T result = work.run();
      execute("COMMIT");
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        execute("ROLLBACK");
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw failure("write tracking store " + file, (SQLException) e);
    }
  }

  private <T> List<T> query(String sql, Row<T> row, Object... args) {
    checkOpen();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, args);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw failure("read tracking store " + file, e);
    }
  }

  private void execute(String sql) throws SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private boolean exists(String sql, Object... args) {
    return !query(sql, rs -> Boolean.TRUE, args).isEmpty();
  }

  private long update(String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, args);
      return statement.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
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
              + file
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

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private static StrandsException failure(String what, SQLException e) {
    return new StrandsException(
        ErrorCode.IO_ERROR, "Cannot " + what + " (" + e.getMessage() + ")", e);
  }
}
