package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.GIB;
import static io.strandsetl.rules.performance.RunBuilder.MIB;
import static io.strandsetl.rules.performance.RunBuilder.node;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class MissingBroadcastDetectorTest {
  private final MissingBroadcastDetector detector =
      new MissingBroadcastDetector(MissingBroadcastDetector.Thresholds.DEFAULTS);

  static RunBuilder.Node side(long dataSize) {
    return node("Sort", "Sort [k#1 ASC NULLS FIRST], false, 0")
        .children(
            node(
                    "Exchange",
                    "Exchange hashpartitioning(k#1, 200), ENSURE_REQUIREMENTS, [plan_id=7]")
                .metric("data size", "size", dataSize)
                .metric("shuffle write time", "nsTiming", 90_000_000_000L)
                .children(node("Scan parquet", "FileScan parquet [k#1]")));
  }

  static RunBuilder.Node join(String type, long left, long right) {
    return node("SortMergeJoin", "SortMergeJoin [k#1], [k#2], " + type)
        .children(side(left), side(right));
  }

  @Test
  void flagsSortMergeJoinWithSmallBroadcastableSide() {
    var run = run().sql(2, node("Project").children(join("Inner", 12 * GIB, 40 * MIB))).build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title())
                  .isEqualTo(
                      "SortMergeJoin shuffles 12.0 GiB to join a 40.0 MiB side that could be broadcast");
              assertThat(f.id()).isEqualTo("missing-broadcast@sql-2/node-1");
              assertThat(f.impact().bytesAvoided()).isEqualTo(12 * GIB);
              assertThat(f.impact().coreSecondsSaved()).isEqualTo(90.0);
              assertThat(f.recommendation().config())
                  .containsEntry("spark.sql.autoBroadcastJoinThreshold", "48m");
              assertThat(f.recommendation().sql()).contains("BROADCAST");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
            });
  }

  @Test
  void ignoresJoinWhoseSidesAreBothLarge() {
    var run = run().sql(0, join("Inner", 160 * MIB, 160 * MIB)).build();

    assertThat(detector.detect(run)).isEmpty();
  }

  @Test
  void respectsWhichSideTheJoinTypeCanBroadcast() {
    // A left outer join can only broadcast its right side; here the small one is the left.
    var leftOuter = run().sql(0, join("LeftOuter", 10 * MIB, 5 * GIB)).build();
    var fullOuter = run().sql(0, join("FullOuter", 10 * MIB, 5 * GIB)).build();
    var rightOuter = run().sql(0, join("RightOuter", 10 * MIB, 5 * GIB)).build();

    assertThat(detector.detect(leftOuter)).isEmpty();
    assertThat(detector.detect(fullOuter)).isEmpty();
    assertThat(detector.detect(rightOuter)).hasSize(1);
  }
}
