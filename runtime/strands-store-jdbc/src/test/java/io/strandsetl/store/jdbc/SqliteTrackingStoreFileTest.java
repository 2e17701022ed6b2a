package io.strandsetl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.CostTrend;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.Period;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a file-backed store must do: create, reopen, share with other processes, survive kills.
 */
class SqliteTrackingStoreFileTest {
  private static final LocalDate DAY = LocalDate.parse("2026-03-10");

  @TempDir Path dir;

  @Test
  void createsTheFileAndItsDirectoriesOnFirstUseInWalModeAndKeepsDataAcrossReopen()
      throws Exception {
    Path file = dir.resolve("a").resolve("b").resolve("tracking.db");
    try (TrackingStore store =
        TrackingStoreFactory.named("sqlite", getClass().getClassLoader())
            .create(
                Settings.of(
                    // The run below started in March 2026: automatic purging would remove it.
                    Map.of(
                        "store.sqlite.path",
                        file.toString(),
                        "store.retention.auto-purge",
                        "false")))) {
      store.recordRun(RunRecord.of(WriterProcess.execution("x-1")));
    }

    assertThat(file).exists();
    try (SqliteTrackingStore reopened = SqliteTrackingStore.open(file, 1_000)) {
      assertThat(reopened.findExecution("x-1")).isPresent();
      assertThat(reopened.schemaVersion()).isEqualTo("5");
    }
    assertThat(pragma(file, "journal_mode")).isEqualTo("wal");
    assertThat(pragma(file, "user_version")).isEqualTo("0");
    assertThat(query(file, "SELECT version FROM strands_schema_history WHERE success = 1"))
        .containsExactly("1", "2", "3", "4", "5");
  }

  @Test
  void theAuditTableRefusesUpdates() throws Exception {
    Path file = dir.resolve("tracking.db");
    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      store.appendAudit(WriterProcess.audit("x-1"));
    }

    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("UPDATE compliance_audit SET details = 'x'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("compliance_audit is append-only");
    }
  }

  @Test
  void theVerifierNamesTheFirstBadEntryAfterTheFileWasEditedDirectly() throws Exception {
    Path file = dir.resolve("tracking.db");
    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      for (int i = 1; i <= 5; i++) {
        store.appendAudit(WriterProcess.audit("x-" + i));
      }
    }
    String swapped = "Audit entry 2 content does not match its hash (changed)";

    // Swap rows 2 and 3: every column but the sequence number moves to the other row.
    edit(
        file,
        "DROP TRIGGER compliance_audit_append_only",
        "CREATE TEMP TABLE saved AS SELECT * FROM compliance_audit WHERE sequence IN (2, 3)",
        "UPDATE compliance_audit SET (at_us, actor, action, subject, details, previous_hash, hash)"
            + " = (SELECT at_us, actor, action, subject, details, previous_hash, hash FROM saved"
            + "    WHERE saved.sequence = 5 - compliance_audit.sequence)"
            + " WHERE sequence IN (2, 3)");
    assertThat(query(file, "SELECT subject FROM compliance_audit ORDER BY sequence"))
        .containsExactly("x-1", "x-3", "x-2", "x-4", "x-5");
    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      assertThat(store.verifyAudit().problem()).isEqualTo(swapped);
    }
    // Delete every row: the head still remembers the chain.
    edit(file, "DELETE FROM compliance_audit");
    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      assertThat(store.verifyAudit().firstBadSequence()).isEqualTo(1L);
      assertThat(store.verifyAudit().problem())
          .isEqualTo("Audit entry 1 is missing (entries 1..5 were removed)");
    }
  }

  @Test
  void theVerifierNamesTheNewestEntryDeletedFromTheFile() throws Exception {
    Path file = dir.resolve("tracking.db");
    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      for (int i = 1; i <= 3; i++) {
        store.appendAudit(WriterProcess.audit("x-" + i));
      }
    }

    edit(file, "DELETE FROM compliance_audit WHERE sequence = 3");

    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      assertThat(store.verifyAudit().problem())
          .isEqualTo("Audit entry 3 is missing (entries 3..3 were removed: the newest entries)");
    }
  }

  @Test
  void twoProcessesWritingAtTheSameTimeLoseNothing() throws Exception {
    Path file = dir.resolve("tracking.db");
    SqliteTrackingStore.open(file, 1_000).close(); // schema first, so the writers do not race on it
    int runsEach = 150;

    Process first = writer(file, "a", runsEach, "wait");
    Process second = writer(file, "b", runsEach, "wait");
    BufferedReader firstReader = reader(first);
    BufferedReader secondReader = reader(second);
    assertThat(firstReader.readLine()).isEqualTo("ready");
    assertThat(secondReader.readLine()).isEqualTo("ready");
    for (Process process : List.of(first, second)) {
      process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    }
    List<String> firstOut = readAll(firstReader);
    List<String> secondOut = readAll(secondReader);

    assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(firstOut).hasSize(runsEach);
    assertThat(secondOut).hasSize(runsEach);
    assertThat(first.exitValue()).isZero();
    assertThat(second.exitValue()).isZero();
    // Nothing on standard error: the store (and Flyway under it) does not chatter on a terminal.
    assertThat(file.resolveSibling("a-writer.log")).isEmptyFile();
    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      assertThat(store.listExecutions(ExecutionQuery.all().withLimit(10_000)))
          .hasSize(2 * runsEach);
      assertThat(store.costTrends(Period.DAY, CostTrend.ALL_JOBS, DAY, DAY).get(0).runs())
          .isEqualTo(2 * runsEach);
      assertThat(store.auditTrail()).hasSize(2 * runsEach);
      assertThat(store.verifyAudit().intact()).isTrue();
    }
  }

  @Test
  void aWriterKilledMidRunLeavesAStoreThatOpensConsistent() throws Exception {
    Path file = dir.resolve("tracking.db");
    SqliteTrackingStore.open(file, 1_000).close();
    Process writer = writer(file, "k", 0);
    BufferedReader out = reader(writer);
    // Kill it while it is writing: after it reported 40 commits it is in the middle of more.
    for (int i = 0; i < 40; i++) {
      assertThat(out.readLine()).as("writer output").startsWith("recorded ");
    }
    writer.destroyForcibly();
    assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();

    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      int executions = store.listExecutions(ExecutionQuery.all().withLimit(1_000_000)).size();
      assertThat(executions).isGreaterThanOrEqualTo(40);
      // All or nothing: every recorded run has its rollup and its audit entry, no more, no less.
      assertThat(store.costTrends(Period.DAY, CostTrend.ALL_JOBS, DAY, DAY).get(0).runs())
          .isEqualTo(executions);
      assertThat(store.auditTrail()).hasSize(executions);
      assertThat(store.verifyAudit().intact()).isTrue();
    }
    assertThat(pragma(file, "integrity_check")).isEqualTo("ok");
  }

  private static Process writer(Path file, String prefix, int runs, String... options)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WriterProcess.class.getName(),
                file.toString(),
                prefix,
                Integer.toString(runs)));
    command.addAll(List.of(options));
    return new ProcessBuilder(command)
        // Standard output carries only the "recorded <n>" lines; logs go to a file.
        .redirectError(file.resolveSibling(prefix + "-writer.log").toFile())
        .start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static List<String> readAll(BufferedReader reader) throws Exception {
    List<String> lines = new ArrayList<>();
    try (reader) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static void edit(Path file, String... statements) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.executeUpdate(sql);
      }
    }
  }

  private static String pragma(Path file, String name) throws Exception {
    return query(file, "PRAGMA " + name).get(0);
  }

  private static List<String> query(Path file, String sql) throws Exception {
    assertThat(Files.exists(file)).isTrue();
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
