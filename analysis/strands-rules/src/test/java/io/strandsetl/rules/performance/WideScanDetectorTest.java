package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.GIB;
import static io.strandsetl.rules.performance.RunBuilder.node;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WideScanDetectorTest {
  private final WideScanDetector detector =
      new WideScanDetector(WideScanDetector.Thresholds.DEFAULTS);

  static String schema(int columns) {
    return IntStream.range(0, columns)
        .mapToObj(i -> "c" + i + ":bigint")
        .collect(Collectors.joining(",", "struct<", ">"));
  }

  static RunBuilder.Node scan(int columns, long bytes) {
    String out =
        IntStream.range(0, Math.min(columns, 25))
            .mapToObj(i -> "c" + i + "#" + (100 + i) + "L")
            .collect(Collectors.joining(","));
    return node(
            "Scan parquet",
            "FileScan parquet [" + out + ",... " + (columns - 25) + " more fields] Batched: true")
        .meta("Location", "InMemoryFileIndex(1 paths)[s3://lake/wide]")
        .meta("Format", "Parquet")
        .meta("ReadSchema", schema(columns))
        .metric("size of files read", "size", bytes);
  }

  @Test
  void flagsScanWhoseColumnsFeedARowLambda() {
    var plan =
        node("SerializeFromObject")
            .children(
                node("MapElements", "MapElements Job$$Lambda, obj#566: java.lang.Long")
                    .children(
                        node(
                                "DeserializeToObject",
                                "DeserializeToObject createexternalrow(c0#100L, c1#101L)")
                            .children(node("ColumnarToRow").children(scan(40, 50 * GIB)))));
    var run = run().sql(0, plan).build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title())
                  .isEqualTo(
                      "Scan of 40 columns feeds a DeserializeToObject lambda (no column pruning)");
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.location().tablePath()).isEqualTo("s3://lake/wide");
            });
  }

  @Test
  void flagsScanWhoseColumnsAreMostlyUnreferenced() {
    var plan =
        node("HashAggregate", "HashAggregate(keys=[], functions=[sum((c0#100L + c1#101L))])")
            .children(node("ColumnarToRow").children(scan(40, 50 * GIB)));
    var run = run().sql(0, plan).build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("Scan reads 40 columns but the query uses 2");
              // 50 GiB × 38/40 of columnar bytes.
              assertThat(f.impact().bytesAvoided()).isEqualTo(Math.round(50 * GIB * 0.95));
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
            });
  }

  @Test
  void ignoresNarrowScansAndScansWhoseColumnsAreUsed() {
    String all =
        IntStream.range(0, 24)
            .mapToObj(i -> "c" + i + "#" + (100 + i) + "L")
            .collect(Collectors.joining(", "));
    var used = node("Project", "Project [" + all + "]").children(scan(24, 50 * GIB));
    var narrow =
        node("HashAggregate", "HashAggregate(keys=[], functions=[sum(c0#100L)])")
            .children(scan(5, 50 * GIB));
    var run = run().sql(0, used).sql(1, narrow).build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
