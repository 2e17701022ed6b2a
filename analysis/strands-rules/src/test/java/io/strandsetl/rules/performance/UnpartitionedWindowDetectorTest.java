package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.GIB;
import static io.strandsetl.rules.performance.RunBuilder.node;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class UnpartitionedWindowDetectorTest {
  private final UnpartitionedWindowDetector detector =
      new UnpartitionedWindowDetector(UnpartitionedWindowDetector.Thresholds.DEFAULTS);

  // The shapes of TPC-DS q44 (no partition keys) and q67 (partitioned), as Spark prints them.
  static final String Q44 =
      "Window [rank(rank_col#11) windowspecdefinition(rank_col#11 ASC NULLS FIRST, specifiedwindowframe(RowFrame, unboundedpreceding$(), currentrow$())) AS rnk#14], [rank_col#11 ASC NULLS FIRST]";
  static final String Q67 =
      "Window [rank(sumsales#32) windowspecdefinition(i_category#18, sumsales#32 DESC NULLS LAST, specifiedwindowframe(RowFrame, unboundedpreceding$(), currentrow$())) AS rk#34], [i_category#18], [sumsales#32 DESC NULLS LAST]";

  static RunBuilder.Node window(String simpleString, String exchange, long bytes) {
    return node("Window", simpleString)
        .children(
            node("Sort", "Sort [x#1 ASC NULLS FIRST], false, 0")
                .children(node("Exchange", exchange).metric("data size", "size", bytes)));
  }

  @Test
  void flagsWindowWithoutPartitionKeys() {
    var run =
        run()
            .executors(4, 4)
            .stage(5, s -> s.tasks(1).duration(320_000))
            .sql(
                0,
                window(Q44, "Exchange SinglePartition, ENSURE_REQUIREMENTS, [plan_id=9]", 3 * GIB),
                s -> s.stages(5))
            .build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title())
                  .isEqualTo("Window without PARTITION BY runs in a single task over 3.0 GiB");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              // 320 s on 1 of 16 cores: 15/16 of it is saved.
              assertThat(f.impact().timeSavedSeconds()).isEqualTo(300.0);
              assertThat(f.recommendation().sql()).contains("PARTITION BY");
            });
  }

  @Test
  void flagsEmptyOverClause() {
    assertThat(
            UnpartitionedWindowDetector.isPartitioned(
                "Window [sum(x#1) windowspecdefinition(specifiedwindowframe(RowFrame, unboundedpreceding$(), unboundedfollowing$())) AS s#3]"))
        .isFalse();
  }

  @Test
  void acceptsWindowsWithPartitionBy() {
    var partitionedNoOrder =
        "WindowInPandas [_sum(v#41) windowspecdefinition(id#40L, specifiedwindowframe(RowFrame, unboundedpreceding$(), unboundedfollowing$())) AS s#45], [id#40L]";
    var run =
        run()
            .sql(0, window(Q67, "Exchange hashpartitioning(i_category#18, 200)", 3 * GIB))
            .sql(1, node("WindowInPandas", partitionedNoOrder))
            .build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
