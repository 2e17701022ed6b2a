package io.strandsetl.cost.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.cost.trend.CostPoint;
import io.strandsetl.cost.trend.GroupBy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
  private static final LocalDate START = LocalDate.of(2026, 10, 1);

  /** 40 days: "etl-orders" ~ $100 +- 5, "etl-small" ~ $1; spike on day 35 for etl-orders. */
  private static List<CostPoint> history(double spike) {
    Random random = new Random(3);
    List<CostPoint> points = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      double orders = 100 + 5 * random.nextGaussian() + (d == 35 ? spike : 0);
      points.add(new CostPoint(START.plusDays(d), "etl-orders", "sales", "glue", orders));
      points.add(new CostPoint(START.plusDays(d), "etl-small", "ops", "lambda", 1.0));
    }
    return points;
  }

  @Test
  void flagsACostSpikeAndNamesTheJobBehindIt() {
    List<CostAnomaly> found =
        AnomalyDetector.detect(
            history(100), AnomalyRule.DEFAULT, GroupBy.TOTAL, START.plusDays(39));
    assertThat(found).hasSize(1);
    CostAnomaly a = found.get(0);
    assertThat(a.day()).isEqualTo(START.plusDays(35));
    assertThat(a.rootCause()).isEqualTo("etl-orders");
    assertThat(a.deltaUsd()).isGreaterThan(80);
    assertThat(a.explanation()).startsWith("total on 2026-11-05: $").contains("mostly etl-orders");
  }

  @Test
  void ordinaryDaysAreNotFlagged() {
    assertThat(
            AnomalyDetector.detect(
                history(0), AnomalyRule.DEFAULT, GroupBy.TOTAL, START.plusDays(39)))
        .isEmpty();
  }

  @Test
  void bothGatesMustPass() {
    // etl-small triples: +200% but only +$2, under the $5 dollar gate.
    List<CostPoint> points = new ArrayList<>(history(0));
    points.add(new CostPoint(START.plusDays(36), "etl-small", "ops", "lambda", 2.0));
    assertThat(AnomalyDetector.detect(points, AnomalyRule.DEFAULT, GroupBy.JOB, START.plusDays(39)))
        .isEmpty();
    // with a $1 gate the same day is flagged for the job
    AnomalyRule lowDollar = new AnomalyRule(3, 1, 25, 28, 7);
    assertThat(AnomalyDetector.detect(points, lowDollar, GroupBy.JOB, START.plusDays(39)))
        .extracting(CostAnomaly::group, CostAnomaly::day)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("etl-small", START.plusDays(36)));
    // a $12 rise on a $100 job passes the dollar gate but not 25%
    List<CostPoint> modest = history(12);
    AnomalyRule noMad = new AnomalyRule(0.0001, 5, 25, 28, 7);
    assertThat(AnomalyDetector.detect(modest, noMad, GroupBy.JOB, START.plusDays(39))).isEmpty();
  }

  @Test
  void invalidRuleIsRejectedWithItsValues() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AnomalyRule(0, 5, 25, 28, 7))
        .hasMessage(
            "Invalid anomaly rule: k=0.0 min-usd=5.0 min-percent=25.0 (k must be > 0, thresholds >= 0)");
  }
}
