package io.strandsetl.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.eventlog.plan.OperatorNames;
import io.strandsetl.model.plan.PlanNode;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.SqlExecution;
import io.strandsetl.model.run.StageMetrics;
import io.strandsetl.testkit.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlPlanTest {
  @ParameterizedTest
  @CsvSource({
    "PhotonBroadcastNestedLoopJoin, BroadcastNestedLoopJoin",
    "GpuShuffledHashJoin, ShuffledHashJoin",
    "PhotonShuffleExchangeSink, Exchange",
    "PhotonShuffleExchangeSource, Exchange",
    "GpuColumnarExchange, Exchange",
    "PhotonAgg, HashAggregate",
    "PhotonScan parquet tpcds.store_sales, Scan parquet tpcds.store_sales",
    "VeloxProject, Project",
    "ProjectExecTransformer, Project",
    "Photonic, Photonic",
    "SortMergeJoin, SortMergeJoin",
    "WholeStageCodegen (3), WholeStageCodegen (3)",
    "'Scan parquet ', Scan parquet"
  })
  void normalisesVendorOperatorNames(String raw, String expected) {
    assertThat(OperatorNames.normalise(raw)).isEqualTo(expected);
  }

  @Test
  void photonPlanIsTheLastAdaptiveUpdateWithNormalisedNamesAndPreOrderIds() {
    RunAnalysis run =
        EventLogReader.withDefaults()
            .read(SharedData.eventLog("spark-rapids-tools/nds_q88_photon_db_13_3.zstd"));
    SqlExecution q88 =
        run.sql().stream().filter(q -> q.description().equals("query88")).findFirst().orElseThrow();
    assertThat(q88.adaptiveUpdates()).isPositive();
    assertThat(q88.plan().nodes())
        .extracting(PlanNode::id)
        .isEqualTo(java.util.stream.IntStream.range(0, q88.plan().nodes().size()).boxed().toList());
    List<PlanNode> nlj =
        q88.plan().nodes().stream()
            .filter(n -> n.name().equals("BroadcastNestedLoopJoin"))
            .toList();
    assertThat(nlj).isNotEmpty();
    assertThat(nlj).anyMatch(n -> n.rawName().equals("PhotonBroadcastNestedLoopJoin"));
    assertThat(q88.plan().nodes()).noneMatch(n -> n.name().startsWith("Photon"));
    // The final plan of an adaptive query says so; the initial one did not.
    assertThat(q88.plan().simpleString()).contains("isFinalPlan=true");
    assertThat(q88.status()).isEqualTo("SUCCEEDED");
    assertThat(q88.jobIds()).isNotEmpty();
    for (StageMetrics s : run.stages()) {
      if (q88.stageIds().contains(s.stageId()) && !s.status().equals("SKIPPED")) {
        assertThat(s.sqlExecutionId()).isEqualTo(q88.executionId());
      }
    }
  }

  @Test
  void metricValuesSumTaskUpdatesAndOutputRowsComeFromTheRoot() {
    RunAnalysis run =
        EventLogReader.withDefaults()
            .read(SharedData.eventLog("spark-rapids-tools/aqeshuffle_eventlog.zstd"));
    SqlExecution q = run.sql().get(0);
    assertThat(q.initialPlanNodeCount()).isPositive();
    assertThat(q.adaptiveUpdates()).isEqualTo(3);
    // count(): the root aggregate emits one row.
    assertThat(q.outputRows()).isEqualTo(1L);
    // Shuffle records written by the exchanges equal what the stages report as task metrics.
    long exchangeWritten =
        q.plan().nodes().stream()
            .filter(n -> n.name().equals("Exchange"))
            .map(n -> n.metric("shuffle records written"))
            .filter(v -> v != null)
            .mapToLong(Long::longValue)
            .sum();
    long stageWritten = run.stages().stream().mapToLong(StageMetrics::shuffleWriteRecords).sum();
    assertThat(exchangeWritten).isEqualTo(stageWritten).isPositive();
  }

  @Test
  void oldSqlEventClassNamesAndDriverAccumUpdatesAreRead() {
    RunAnalysis run =
        EventLogReader.withDefaults()
            .read(SharedData.eventLog("spark-rapids-tools/spark2-eventlog.zstd"));
    assertThat(run.sql()).hasSize(4);
    assertThat(run.sql()).allSatisfy(q -> assertThat(q.plan()).isNotNull());
    assertThat(run.sql())
        .anyMatch(
            q -> q.plan().nodes().stream().anyMatch(n -> n.name().equals("BroadcastHashJoin")));
  }

  @Test
  void microBatchesAreMarkedStructuredStreaming() {
    RunAnalysis streaming =
        EventLogReader.withDefaults()
            .read(SharedData.eventLog("apache-spark/sql-spark-events/local-1596020211915"));
    assertThat(streaming.sql()).anyMatch(SqlExecution::structuredStreaming);
    RunAnalysis batch =
        EventLogReader.withDefaults()
            .read(SharedData.eventLog("apache-spark/spark-events/local-1642039451826"));
    assertThat(batch.sql()).isNotEmpty().noneMatch(SqlExecution::structuredStreaming);
  }
}
