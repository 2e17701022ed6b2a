package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.node;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class CartesianJoinDetectorTest {
  private final CartesianJoinDetector detector =
      new CartesianJoinDetector(CartesianJoinDetector.Thresholds.DEFAULTS);

  static RunBuilder.Node rows(long n) {
    return node("HashAggregate").metric("number of output rows", n);
  }

  @Test
  void ratesCartesianProductOfLargeSidesCritical() {
    var run = run().sql(0, node("CartesianProduct").children(rows(200_000), rows(100_000))).build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.title())
                  .isEqualTo(
                      "Join without condition (CartesianProduct) over 200,000 × 100,000 rows");
            });
  }

  @Test
  void ratesCrossJoinOfSingleRowAggregatesLow() {
    var bnlj =
        node("BroadcastNestedLoopJoin", "PhotonBroadcastNestedLoopJoin Inner, BuildRight")
            .children(rows(1), rows(1));
    var databricks =
        node("BroadcastNestedLoopJoin", "BroadcastNestedLoopJoin BuildRight, Inner, true")
            .children(rows(1), rows(1));
    var run = run().sql(0, bnlj).sql(1, databricks).build();

    assertThat(detector.detect(run))
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void ignoresNestedLoopJoinsWithACondition() {
    var bnlj =
        node("BroadcastNestedLoopJoin", "BroadcastNestedLoopJoin BuildRight, Inner, (a#1 < b#2)")
            .children(rows(10), rows(10));
    var cartesian =
        node("CartesianProduct", "CartesianProduct (a#1 < b#2)").children(rows(10), rows(10));
    var run = run().sql(0, bnlj).sql(1, cartesian).build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
