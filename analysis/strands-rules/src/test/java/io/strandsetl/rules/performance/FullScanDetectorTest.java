package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.GIB;
import static io.strandsetl.rules.performance.RunBuilder.MIB;
import static io.strandsetl.rules.performance.RunBuilder.node;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class FullScanDetectorTest {
  private final FullScanDetector detector =
      new FullScanDetector(FullScanDetector.Thresholds.DEFAULTS);

  static RunBuilder.Node scan(String partitionFilters, String pushed, long bytes) {
    return node("Scan parquet", "FileScan parquet [a#1,dt#2] Batched: true")
        .meta("Location", "InMemoryFileIndex(1 paths)[s3://lake/events]")
        .meta("ReadSchema", "struct<a:int>")
        .meta("PartitionFilters", partitionFilters)
        .meta("PushedFilters", pushed)
        .meta("DataFilters", pushed.equals("[]") ? "[]" : "[isnotnull(a#1)]")
        .metric("size of files read", "size", bytes)
        .metric("number of files read", 366);
  }

  @Test
  void flagsLargeScanWithoutAnyFilter() {
    var run = run().sql(3, node("HashAggregate").children(scan("[]", "[]", 62 * GIB))).build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title())
                  .isEqualTo("Full scan of s3://lake/events: 62.0 GiB read without any filter");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.location().planNodeName()).isEqualTo("Scan parquet");
              assertThat(f.impact().bytesAvoided()).isEqualTo(62 * GIB);
              assertThat(f.recommendation().pyspark())
                  .contains("watermarks")
                  .contains("s3://lake/events");
            });
  }

  @Test
  void dynamicPartitionPruningCountsAsAFilter() {
    var pruned =
        scan(
            "[isnotnull(cs_sold_date_sk#769), dynamicpruningexpression(cs_sold_date_sk#769 IN dynamicpruning#918)]",
            "[]",
            62 * GIB);
    var run = run().sql(3, node("HashAggregate").children(pruned)).build();

    assertThat(detector.detect(run)).isEmpty();
  }

  @Test
  void ignoresFilteredAndSmallScans() {
    var run =
        run()
            .sql(1, scan("[]", "[IsNotNull(a), GreaterThan(a,5)]", 62 * GIB))
            .sql(2, scan("[]", "[]", 200 * MIB))
            .build();

    assertThat(detector.detect(run)).isEmpty();
  }

  @Test
  void ignoresStreamingMicroBatches() {
    var run = run().sql(1, scan("[]", "[]", 62 * GIB), s -> s.streaming()).build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
