package io.strandsetl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.AgentStats;
import io.strandsetl.model.store.Dimension;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.IssueCount;
import io.strandsetl.model.store.RunFilter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store file written at schema V4 (no agent rollups) opens at V5 with its agent rollups
 * back-filled from the stored invocations and its narrow issue rollup from {@code issue_rollups}:
 * the rollup answers equal the raw rows' for every filter.
 */
class SqliteSchemaV5UpgradeTest {
  @TempDir Path dir;

  @Test
  void upgradesAV4FileBackFillingAgentAndIssueRollupsFromTheStoredRows() throws Exception {
    Path file = dir.resolve("v4.db");
    String url = "jdbc:sqlite:" + file;
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/strands/sqlite")
        .table("strands_schema_history")
        .target("4")
        .load()
        .migrate();
    long day = LocalDate.parse("2026-03-10").toEpochDay();
    try (Connection c = DriverManager.getConnection(url)) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO agent_invocations (invocation_id, execution_id, agent, tool, at_us,"
                  + " input_summary, output_summary, duration_ms, success, error, tokens_in,"
                  + " tokens_out, token_cost_usd, job_name, team, platform, status)"
                  + " VALUES (?, ?, ?, 'tool', ?, '', '', ?, ?, '', ?, ?, ?, ?, ?, ?, ?)")) {
        Object[][] rows = {
          {
            "i1",
            "e1",
            "decision",
            "2026-03-09T23:00:00Z",
            100,
            1,
            10,
            5,
            0.5,
            "job-a",
            "t1",
            "emr",
            "SUCCEEDED"
          },
          {
            "i2",
            "e1",
            "decision",
            "2026-03-10T01:00:00Z",
            300,
            0,
            20,
            10,
            0.25,
            "job-a",
            "t1",
            "emr",
            "SUCCEEDED"
          },
          {
            "i3",
            "e2",
            "quality",
            "2026-03-10T02:00:00Z",
            50,
            1,
            0,
            0,
            0.0,
            "job-b",
            "",
            "glue",
            "FAILED"
          },
          {
            "i4",
            "e2",
            "decision",
            "2026-03-10T03:00:00Z",
            70,
            1,
            4,
            2,
            0.125,
            "job-b",
            "",
            "glue",
            "FAILED"
          },
        };
        for (Object[] row : rows) {
          insert.setString(1, (String) row[0]);
          insert.setString(2, (String) row[1]);
          insert.setString(3, (String) row[2]);
          insert.setLong(4, JdbcTrackingStore.micros(Instant.parse((String) row[3])));
          insert.setInt(5, (Integer) row[4]);
          insert.setInt(6, (Integer) row[5]);
          insert.setInt(7, (Integer) row[6]);
          insert.setInt(8, (Integer) row[7]);
          insert.setDouble(9, (Double) row[8]);
          insert.setString(10, (String) row[9]);
          insert.setString(11, (String) row[10]);
          insert.setString(12, (String) row[11]);
          insert.setString(13, (String) row[12]);
          insert.executeUpdate();
        }
      }
      try (Statement s = c.createStatement()) {
        // The same issue in two statuses of one job and day: one narrow row of 3 occurrences.
        s.executeUpdate(
            "INSERT INTO issue_rollups VALUES ("
                + day
                + ", 'job-a', 'PIPELINE', 't1', 'emr', 'SUCCEEDED', 'spill', 'HIGH', 2)");
        s.executeUpdate(
            "INSERT INTO issue_rollups VALUES ("
                + day
                + ", 'job-a', 'PIPELINE', 't1', 'emr', 'FAILED', 'spill', 'HIGH', 1)");
      }
    }

    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      assertThat(store.schemaVersion()).isEqualTo("5");
      LocalDate mar10 = LocalDate.parse("2026-03-10");
      for (RunFilter filter :
          List.of(
              RunFilter.all(),
              RunFilter.between(mar10, mar10),
              RunFilter.all().withJob("job-b"),
              RunFilter.all().withTeam("t1").withDays(mar10, null),
              RunFilter.all().withStatus(ExecutionStatus.FAILED))) {
        assertThat(store.agentStats(filter))
            .as("agentStats(%s)", filter)
            .isEqualTo(store.agentStatsFromInvocations(filter))
            .isNotEmpty();
      }
      assertThat(store.agentStats(RunFilter.all()))
          .containsExactly(
              new AgentStats("decision", 3, 2, 470, 34, 17, 0.875),
              new AgentStats("quality", 1, 1, 50, 0, 0, 0));
      assertThat(store.issueCounts(RunFilter.all(), Dimension.JOB))
          .containsExactly(new IssueCount("spill", Severity.HIGH, "job-a", 3));
      assertThat(store.rowCounts())
          .containsEntry("agent_rollups", 4L)
          .containsEntry("agent_day_rollups", 3L)
          .containsEntry("issue_job_rollups", 1L)
          .containsEntry("running_executions", 0L)
          .containsEntry("execution_stages", 0L);
    }
  }
}
