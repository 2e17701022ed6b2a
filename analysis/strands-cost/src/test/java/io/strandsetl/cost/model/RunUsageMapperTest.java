package io.strandsetl.cost.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strandsetl.model.run.ApplicationInfo;
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.SparkConfigSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunUsageMapperTest {
  private static final long GIB = 1L << 30;

  static RunMetrics metrics(
      int maxExecutors, long allocatedCoreMs, long busyCoreMs, Double cpuPct, Double memPct) {
    return new RunMetrics(
        1,
        0,
        2,
        0,
        0,
        10,
        0,
        0,
        0,
        maxExecutors,
        0,
        maxExecutors,
        busyCoreMs,
        null,
        0,
        null,
        cpuPct,
        allocatedCoreMs,
        busyCoreMs,
        null,
        5_000_000_000L,
        100,
        2_000_000_000L,
        50,
        1_000_000_000L,
        10,
        1_000_000_000L,
        10,
        6_000_000_000L,
        110,
        null,
        0,
        300_000_000L,
        null,
        null,
        null,
        memPct,
        0);
  }

  static ApplicationInfo app(String platform, SparkConfigSummary config) {
    Instant start = Instant.parse("2026-11-20T10:00:00Z");
    return new ApplicationInfo(
        "app-1",
        null,
        "job",
        "3.5.0",
        "me",
        start,
        start.plusSeconds(600),
        600_000L,
        true,
        platform,
        List.of(),
        config);
  }

  static ExecutorSummary executor(String id, int cores) {
    return new ExecutorSummary(id, "h", cores, 0L, null, null, 1, 0, 1, 0, null, null, null);
  }

  @Test
  void clusterRunUsesExecutorConfigAndSparkDefaultOverhead() {
    SparkConfigSummary conf =
        new SparkConfigSummary(
            8 * GIB,
            null,
            4,
            3,
            2 * GIB,
            false,
            200,
            true,
            null,
            false,
            "yarn",
            Map.of("spark.driver.cores", "2"));
    RunAnalysis run =
        new RunAnalysis(
            app("emr", conf),
            metrics(3, 7_200_000, 3_600_000, 40.0, 30.0),
            List.of(),
            List.of(),
            List.of(),
            List.of(executor("1", 4), executor("2", 4), executor("3", 4), executor("driver", 0)),
            null);
    ResourceUsage u = RunUsageMapper.fromRun(run);
    // overhead = max(384 MiB, 10% of 8 GiB) = 0.8 GiB
    assertThat(u.executorMemoryGib()).isCloseTo(8.8, within(1e-9));
    assertThat(u.executors()).isEqualTo(3);
    assertThat(u.executorCores()).isEqualTo(4);
    assertThat(u.coreSeconds()).isCloseTo(7200, within(1e-9));
    assertThat(u.busyCoreSeconds()).isCloseTo(3600, within(1e-9));
    assertThat(u.memoryGibSeconds()).isCloseTo(7200 / 4.0 * 8.8, within(1e-6));
    assertThat(u.driverCores()).isEqualTo(2);
    assertThat(u.driverMemoryGib()).isCloseTo(2, within(1e-9));
    assertThat(u.bytesShuffled()).isEqualTo(1_000_000_000L);
    assertThat(u.bytesSpilledToDisk()).isEqualTo(300_000_000L);
    assertThat(u.bytesProcessed()).isEqualTo(6_000_000_000L);
    assertThat(u.cpuUtilizationPercent()).isEqualTo(40.0);
    assertThat(u.assumptions()).isEmpty();
  }

  @Test
  void localRunTreatsTheDriverAsTheOnlyExecutorAndSaysSo() {
    SparkConfigSummary conf =
        new SparkConfigSummary(
            null, null, null, null, 4 * GIB, null, null, null, null, null, "local[2]", Map.of());
    RunAnalysis run =
        new RunAnalysis(
            app("local", conf),
            metrics(1, 1_200_000, 900_000, null, null),
            List.of(),
            List.of(),
            List.of(),
            List.of(executor("driver", 2)),
            null);
    ResourceUsage u = RunUsageMapper.fromRun(run);
    assertThat(u.executors()).isEqualTo(1);
    assertThat(u.executorCores()).isEqualTo(2);
    assertThat(u.executorMemoryGib()).isCloseTo(4, within(1e-9));
    assertThat(u.memoryGibSeconds()).isCloseTo(1200 / 2.0 * 4, within(1e-9));
    assertThat(u.assumptions())
        .containsExactly("local mode: the driver is the only executor; cores = its task slots");
    assertThat(Platform.fromName(run.application().platform())).isEqualTo(Platform.LOCAL);
  }

  @Test
  void missingMemorySettingsFallBackToSparkDefaultsAndSaySo() {
    RunAnalysis run =
        new RunAnalysis(
            app("standalone", null),
            metrics(2, 0, 100_000, null, null),
            List.of(),
            List.of(),
            List.of(),
            List.of(executor("0", 2), executor("1", 2)),
            null);
    ResourceUsage u = RunUsageMapper.fromRun(run);
    assertThat(u.executorMemoryGib()).isCloseTo(1 + 384.0 / 1024, within(1e-9));
    assertThat(u.coreSeconds()).isCloseTo(2 * 2 * 600, within(1e-9));
    assertThat(u.assumptions())
        .containsExactly(
            "spark.executor.memory not set: Spark's default 1 GiB",
            "allocated core time not measured: executors x cores x duration");
  }
}
