package io.strandsetl.eventlog;

import static io.strandsetl.eventlog.TestLogs.smallApp;
import static io.strandsetl.eventlog.TestLogs.taskEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strandsetl.model.run.Distribution;
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.testkit.SharedData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunMetricsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "4g, m, 4294967296",
    "512m, m, 536870912",
    "10MB, b, 10485760",
    "10485760b, b, 10485760",
    "2048, m, 2147483648",
    "-1, b, -1",
    "1.5g, m, 1610612736",
    "lots, m, ''"
  })
  void parsesSparkSizes(String value, String defaultUnit, String expected) {
    assertThat(SparkConfig.bytes(value, defaultUnit))
        .isEqualTo(expected.isEmpty() ? null : Long.parseLong(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "spark.master, local[4], local",
    "spark.master, spark://h:7077, standalone",
    "spark.master, yarn, yarn",
    "spark.master, k8s://https://h, kubernetes",
    "spark.databricks.clusterUsageTags.sparkVersion, 13.3, databricks",
    "spark.dataproc.engine, default, dataproc",
    "spark.emr.default.executor.memory, 4g, emr",
    "spark.glue.JOB_NAME, j, glue"
  })
  void tellsThePlatformFromProperties(String key, String value, String platform) {
    assertThat(SparkConfig.platform(Map.of(key, value), null)).isEqualTo(platform);
  }

  @Test
  void redactsSecretLookingProperties() {
    assertThat(
            SparkConfig.redact(
                Map.of("spark.hadoop.fs.s3a.secret.key", "abc", "spark.app.name", "x")))
        .containsEntry("spark.hadoop.fs.s3a.secret.key", SparkConfig.REDACTED)
        .containsEntry("spark.app.name", "x");
  }

  @Test
  void cpuIdleAndGcRatiosFollowTheirDefinitionsInLocalMode() {
    // local[4] for 10 s = 40 000 allocated core-ms; two tasks ran 1 000 + 3 000 ms with 2 s CPU.
    String log =
        smallApp(
            "{\"Event\":\"SparkListenerStageSubmitted\",\"Stage Info\":{\"Stage ID\":0,\"Stage Attempt ID\":0,\"Stage Name\":\"s\",\"Number of Tasks\":2,\"Submission Time\":1500}}",
            taskEnd(0, 1, 1000, 500_000_000L, "Success"),
            taskEnd(0, 2, 3000, 1_500_000_000L, "Success"),
            "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":{\"Stage ID\":0,\"Stage Attempt ID\":0,\"Stage Name\":\"s\",\"Number of Tasks\":2,\"Submission Time\":1500,\"Completion Time\":6000}}");
    RunAnalysis run =
        EventLogReader.withDefaults().read(TestLogs.write(dir.resolve("local-1"), log));
    RunMetrics m = run.metrics();
    assertThat(m.allocatedCoreMs()).isEqualTo(40_000);
    assertThat(m.busyCoreMs()).isEqualTo(4_000);
    assertThat(m.executorCpuTimeNs()).isEqualTo(2_000_000_000L);
    assertThat(m.cpuUtilizationPercent()).isCloseTo(5.0, within(1e-9));
    assertThat(m.idleCorePercent()).isCloseTo(90.0, within(1e-9));
    assertThat(m.gcTimePercent()).isCloseTo(100.0 * 2 / 4000, within(1e-9));
    assertThat(m.executorMemoryBytes()).isEqualTo(2L << 30);
    assertThat(m.recordsProcessed()).isEqualTo(20);
    assertThat(m.recordsPerSecond()).isCloseTo(2.0, within(1e-9));
    assertThat(run.stages().get(0).durationMs()).isEqualTo(4500);
    assertThat(run.stages().get(0).taskDurationMs().median()).isEqualTo(2005.0);
    assertThat(run.application().platform()).isEqualTo("local");
  }

  @Test
  void cpuTimeIsNullForLogsThatNeverRecordedIt() {
    RunAnalysis old =
        EventLogReader.withDefaults()
            .read(SharedData.eventLog("apache-spark/spark-events/local-1422981759269"));
    assertThat(old.application().sparkVersion()).isNull();
    assertThat(old.metrics().executorCpuTimeNs()).isNull();
    assertThat(old.metrics().cpuUtilizationPercent()).isNull();
    assertThat(old.metrics().executorRunTimeMs()).isPositive();
  }

  @Test
  void allocatedCoresComeFromExecutorLifetimesAndDynamicAllocationChurnIsCounted() {
    RunAnalysis run =
        EventLogReader.withDefaults()
            .read(
                SharedData.eventLog(
                    "spark-rapids-tools/eventlog_4nodes_8cores_dynamic_alloc.zstd"));
    long endMs = run.application().endTime().toEpochMilli();
    long expected = 0;
    for (ExecutorSummary e : run.executors()) {
      if (e.addedTimeMs() != null) {
        expected +=
            ((e.removedTimeMs() != null ? e.removedTimeMs() : endMs) - e.addedTimeMs()) * e.cores();
      }
    }
    RunMetrics m = run.metrics();
    assertThat(m.allocatedCoreMs()).isEqualTo(expected).isPositive();
    assertThat(m.idleCorePercent())
        .isCloseTo(100.0 * (1 - (double) m.busyCoreMs() / expected), within(1e-9));
    assertThat(m.executorsAdded()).isEqualTo(15);
    assertThat(m.executorsRemoved()).isEqualTo(14);
    assertThat(m.maxConcurrentExecutors()).isBetween(1, 15);
    assertThat(run.application().config().dynamicAllocation()).isTrue();
  }

  @Test
  void memoryPeaksComeFromExecutorMetrics() {
    RunAnalysis run =
        EventLogReader.withDefaults()
            .read(SharedData.eventLog("apache-spark/spark-events/application_1553914137147_0018"));
    RunMetrics m = run.metrics();
    assertThat(m.executorMemoryBytes()).isEqualTo(7L << 30);
    assertThat(m.peakJvmHeapBytesMax()).isPositive();
    assertThat(m.peakJvmHeapBytesAvg()).isBetween(1L, m.peakJvmHeapBytesMax());
    assertThat(m.memoryUtilizationPercent())
        .isCloseTo(100.0 * m.peakJvmHeapBytesAvg() / (7L << 30), within(1e-9));
    assertThat(run.executors())
        .filteredOn(e -> !e.executorId().equals("driver"))
        .allSatisfy(e -> assertThat(e.peakJvmHeapBytes()).isPositive());
  }

  @Test
  void largeStagesUseASketchThatStaysCloseToExactQuantiles() {
    Sketch sketch = new Sketch();
    for (int i = 1; i <= 100_000; i++) {
      sketch.add(i);
    }
    Distribution d = sketch.toDistribution();
    assertThat(d.count()).isEqualTo(100_000);
    assertThat(d.min()).isEqualTo(1);
    assertThat(d.max()).isEqualTo(100_000);
    assertThat(d.median()).isCloseTo(50_000, within(500.0));
    assertThat(d.p95()).isCloseTo(95_000, within(500.0));
    assertThat(d.sum()).isEqualTo(100_000L * 100_001 / 2);
  }
}
