package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.GIB;
import static io.strandsetl.rules.performance.RunBuilder.MIB;
import static io.strandsetl.rules.performance.RunBuilder.node;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class SmallFilesDetectorTest {
  private final SmallFilesDetector detector =
      new SmallFilesDetector(SmallFilesDetector.Thresholds.DEFAULTS);

  private static RunBuilder.Node write(long files, long bytes) {
    return node(
            "Execute InsertIntoHadoopFsRelationCommand",
            "Execute InsertIntoHadoopFsRelationCommand s3://lake/sales, false, Parquet, [path=s3://lake/sales], Overwrite, [a, b]")
        .metric("number of written files", files)
        .metric("written output", "size", bytes)
        .children(
            node("WriteFiles")
                .children(
                    node(
                        "Exchange",
                        "Exchange RoundRobinPartitioning(2000), REPARTITION_BY_NUM, [plan_id=5]")));
  }

  @Test
  void flagsWriteOfThousandsOfSmallFilesAndRecommendsFilesOf128MiB() {
    var run = run().sql(7, write(2000, 10 * GIB)).build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("SQL 7 wrote 2,000 files averaging 5.1 MiB");
              assertThat(f.location().tablePath()).isEqualTo("s3://lake/sales");
              assertThat(f.location().planNodeId()).isZero();
              assertThat(f.recommendation().pyspark()).contains("repartition(80)");
              assertThat(f.recommendation().sql()).contains("REBALANCE");
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            });
  }

  @Test
  void usesExecutionTotalsWhenNoNodeCarriesWriteMetrics() {
    var run = run().sql(1, node("LocalTableScan"), s -> s.written(200, 200 * MIB)).build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void ignoresLargeFilesAndFewFiles() {
    var run = run().sql(1, write(400, 400 * 200 * MIB)).sql(2, write(10, 10 * MIB)).build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
