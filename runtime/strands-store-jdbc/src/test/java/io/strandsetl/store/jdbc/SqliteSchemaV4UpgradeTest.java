package io.strandsetl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.store.Dimension;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.model.store.QualityTrend;
import io.strandsetl.model.store.RunFilter;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.RunStats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store file written at schema V3 (every dimension a number) opens at V4: its quality rows and
 * rollups survive the table rebuild, and a later not-measured dimension does not dilute the
 * back-filled averages.
 */
class SqliteSchemaV4UpgradeTest {
  @TempDir Path dir;

  @Test
  void upgradesAV3FileKeepingItsQualityRowsIndexesAndRollupAverages() throws Exception {
    Path file = dir.resolve("v3.db");
    String url = "jdbc:sqlite:" + file;
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/strands/sqlite")
        .table("strands_schema_history")
        .target("3")
        .load()
        .migrate();
    long day = LocalDate.parse("2026-03-10").toEpochDay();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO data_quality_history VALUES ('old-1', 'orders.out', 'job-o',"
              + " 1773129600000000, 0.9, 0.8, 0.7, 0.6, 0.5, 0.75, 'STABLE', '[]', 'data',"
              + " 'local', 'SUCCEEDED')");
      // Two runs with quality: sums of two runs per dimension.
      s.executeUpdate(
          "INSERT INTO run_rollups VALUES ("
              + day
              + ", 'job-o', 'PIPELINE', '', 'local', 'SUCCEEDED', 2, 0.5, 120000, 0, 2,"
              + " 1.8, 1.6, 1.4, 1.2, 1.0, 1.5, 0, 0, 0, 0, 0)");
    }

    try (SqliteTrackingStore store = SqliteTrackingStore.open(file, 1_000)) {
      assertThat(store.schemaVersion()).isEqualTo("5");
      List<QualityHistoryEntry> old = store.qualityHistory("job-o", "orders.out");
      assertThat(old).hasSize(1);
      assertThat(old.get(0).scores()).isEqualTo(new QualityScores(0.9, 0.8, 0.7, 0.6, 0.5, 0.75));
      assertThat(old.get(0).trend()).isEqualTo(QualityTrend.STABLE);

      // A third run that measured everything but timeliness.
      ExecutionRecord base = WriterProcess.execution("o-3");
      QualityScores partial = new QualityScores(0.6, 0.8, 1.0, null, 0.5, 0.7);
      store.recordRun(RunRecord.of(withQuality(base, partial)));

      RunStats job = store.runsBy(RunFilter.all().withJob("job-o"), Dimension.JOB, 10).get(0);
      QualityScores average = job.averageQuality();
      assertThat(job.qualityRuns()).isEqualTo(3);
      assertThat(average.completeness())
          .isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(average.timeliness())
          .as("timeliness_sum / timeliness_runs: the third run did not measure it")
          .isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(average.overall())
          .isCloseTo(2.2 / 3, org.assertj.core.api.Assertions.within(1e-9));
    }

    assertThat(indexesOf(url, "data_quality_history"))
        .contains(
            "data_quality_history_by_job_dataset_time",
            "data_quality_history_by_time",
            "data_quality_history_by_job_time");
  }

  private static ExecutionRecord withQuality(ExecutionRecord e, QualityScores scores) {
    return new ExecutionRecord(
        e.executionId(),
        e.jobName(),
        e.jobType(),
        e.platform(),
        e.status(),
        e.startedAt(),
        e.endedAt(),
        e.workload(),
        e.decision(),
        e.metrics(),
        e.cost(),
        new QualitySummary(scores, 0, 0, 0, 0, 1, 0),
        e.compliance(),
        e.issues(),
        e.recommendations(),
        e.optimisationsApplied(),
        e.error(),
        e.stakeholders(),
        e.tags(),
        e.notification());
  }

  private static List<String> indexesOf(String url, String table) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '"
                    + table
                    + "' ORDER BY name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
