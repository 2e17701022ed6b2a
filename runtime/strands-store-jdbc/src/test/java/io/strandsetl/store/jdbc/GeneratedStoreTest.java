package io.strandsetl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.store.Dimension;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.IssueCount;
import io.strandsetl.model.store.RunFilter;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.RunStats;
import io.strandsetl.model.store.TimeBucket;
import io.strandsetl.testkit.store.StoreGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's content through the bulk path, and the SQL rollups checked against the reference
 * rule ({@link RunStats#plus(ExecutionRecord)}) folded over the generated executions.
 */
class GeneratedStoreTest {
  private static final LocalDate LAST_DAY = LocalDate.parse("2026-03-31");

  @TempDir Path dir;

  @Test
  void rollupQueriesAgreeWithTheReferenceRuleOverGeneratedRuns() {
    StoreGenerator generator = new StoreGenerator(7, 12, 3_000, LAST_DAY.minusDays(59), 60);
    List<ExecutionRecord> executions =
        LongStream.range(0, generator.total())
            .mapToObj(generator::run)
            .map(RunRecord::execution)
            .toList();
    RunFilter filter =
        RunFilter.between(LAST_DAY.minusDays(29), LAST_DAY).withTeam(generator.teamOf(3));

    try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("tracking.db"), 5_000)) {
      generator.seed(store::recordRuns, 0, generator.total(), 500);

      assertThat(store.rowCounts().get("job_executions")).isEqualTo(3_000L);
      assertThat(store.verifyAudit().intact()).isTrue();
      Map<String, RunStats> expected = new TreeMap<>();
      for (ExecutionRecord execution : executions) {
        if (filter.matches(execution)) {
          expected.merge(
              execution.platform(),
              RunStats.empty(execution.platform()).plus(execution),
              (a, b) -> a.plus(execution));
        }
      }
      List<RunStats> actual = store.runsBy(filter, Dimension.PLATFORM, 100);
      assertThat(actual).hasSameSizeAs(expected.values()).isNotEmpty();
      for (RunStats stats : actual) {
        RunStats want = expected.get(stats.key());
        assertThat(stats.runs()).isEqualTo(want.runs());
        assertThat(stats.successes()).isEqualTo(want.successes());
        assertThat(stats.failures()).isEqualTo(want.failures());
        assertThat(stats.costUsd()).isCloseTo(want.costUsd(), within(want.costUsd()));
        assertThat(stats.durationMs()).isEqualTo(want.durationMs());
        assertThat(stats.qualityRuns()).isEqualTo(want.qualityRuns());
        assertThat(stats.piiColumnsDetected()).isEqualTo(want.piiColumnsDetected());
      }
      long issues =
          executions.stream().filter(filter::matches).mapToLong(e -> e.issues().size()).sum();
      assertThat(
              store.issueCounts(filter, Dimension.JOB).stream()
                  .mapToLong(IssueCount::occurrences)
                  .sum())
          .isEqualTo(issues)
          .isPositive();
      assertThat(
              store.runsOverTime(RunFilter.all(), TimeBucket.MONTH).stream()
                  .mapToLong(RunStats::runs)
                  .sum())
          .isEqualTo(3_000);
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double value) {
    return org.assertj.core.data.Offset.offset(Math.max(1e-9, value * 1e-9));
  }
}
