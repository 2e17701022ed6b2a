package io.strandsetl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strandsetl.cost.CostEngine;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.JobType;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.model.store.QualityTrend;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.server.api.DashboardFilter;
import io.strandsetl.server.api.DashboardQueries;
import io.strandsetl.server.api.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A quality dimension nobody measured reaches the dashboard as null, never as a number. */
class QualityNotMeasuredTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void aNotMeasuredDimensionIsNullPerRunAndLeftOutOfTheAverages() throws Exception {
    InMemoryTrackingStore store = new InMemoryTrackingStore();
    store.recordRun(run("nm-1", new QualityScores(0.9, null, 0.8, null, 1.0, 0.9)));
    store.recordRun(run("nm-2", new QualityScores(0.7, 0.6, null, null, 0.8, 0.7)));
    DashboardQueries queries =
        new DashboardQueries(store, CLOCK, 0, 0.8, Runnable::run, CostEngine.defaults());
    DashboardFilter window = DashboardFilter.parse(Map.of(), CLOCK);

    Map<Object, Object> run = byFirstColumn(queries.runQuality("nm-1"));
    assertThat(run.get("completeness")).isEqualTo(90.0);
    assertThat(run).containsEntry("accuracy", null).containsEntry("timeliness", null);

    Map<Object, Object> dimensions = byFirstColumn(queries.qualityDimensions(window));
    assertThat(dimensions.get("completeness")).isEqualTo(80.0);
    assertThat(dimensions.get("accuracy")).as("only nm-2 measured it").isEqualTo(60.0);
    assertThat(dimensions.get("consistency")).as("only nm-1 measured it").isEqualTo(80.0);
    assertThat(dimensions).containsEntry("timeliness", null);

    Table profiles = queries.qualityProfiles(window);
    int timeliness = profiles.columns().indexOf(Table.col("timeliness_pct", "Timeliness", "%"));
    assertThat(profiles.rows())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get(timeliness)).isNull());
    assertThat(new ObjectMapper().writeValueAsString(queries.runQuality("nm-1")))
        .contains("[\"timeliness\",null]");
  }

  private static Map<Object, Object> byFirstColumn(Table table) {
    Map<Object, Object> out = new java.util.LinkedHashMap<>();
    table.rows().forEach(r -> out.put(r.get(0), r.get(1)));
    return out;
  }

  private static RunRecord run(String id, QualityScores scores) {
    Instant start = NOW.minusSeconds(7200);
    ExecutionRecord execution =
        new ExecutionRecord(
            id,
            "scored",
            JobType.PIPELINE,
            "local",
            ExecutionStatus.SUCCEEDED,
            start,
            start.plusSeconds(60),
            null,
            null,
            null,
            new CostBreakdown(0.1, 0.1, 0, 0, 0, 0, 0),
            new QualitySummary(scores, 0, 0, 0, 0, 1, 0),
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            Map.of(),
            null);
    QualityHistoryEntry entry =
        new QualityHistoryEntry(
            id,
            "scored",
            "scored.out",
            start.plusSeconds(30),
            scores,
            QualityTrend.STABLE,
            List.of());
    return new RunRecord(execution, List.of(), List.of(entry), List.of());
  }
}
