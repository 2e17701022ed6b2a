package io.strandsetl.cost.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strandsetl.cost.catalog.PriceCatalogReader;
import io.strandsetl.cost.model.CostCalculator;
import io.strandsetl.cost.model.CostComparison;
import io.strandsetl.cost.model.CostOptions;
import io.strandsetl.cost.model.Platform;
import io.strandsetl.cost.model.ResourceUsage;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Impact;
import io.strandsetl.model.finding.Recommendation;
import io.strandsetl.model.finding.Severity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostAdvisorTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private final CostCalculator calculator =
      new CostCalculator(PriceCatalogReader.bundled("us-east-1"));

  // 5 x 4 cores x 10 GiB for 15 min on Glue G.1X: 6 DPU, $0.66 (the AWS example).
  private CostComparison glueRun(Double cpu, Double mem) {
    ResourceUsage usage = ResourceUsage.ofCluster(900_000, 5, 4, 10).withUtilization(cpu, mem);
    return calculator.compare(usage, CostOptions.of(Platform.GLUE, DAY));
  }

  private static CostAdvice only(List<CostAdvice> advice, AdviceKind kind) {
    return advice.stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void rightSizesFromTheBusierOfCpuAndMemoryWithHeadroom() {
    // CPU 30% -> 37.5% needed, memory 40% -> 50% needed: keep 50%, save half of $0.66.
    List<CostAdvice> advice = CostAdvisor.advise(glueRun(30.0, 40.0), List.of(), true);
    CostAdvice a = only(advice, AdviceKind.RIGHT_SIZE);
    assertThat(a.estimatedSavingsUsd()).isCloseTo(0.33, within(1e-12));
    assertThat(a.title()).isEqualTo("Right-size executors: CPU is 30% used");
  }

  @Test
  void wellUsedExecutorsAreNotRightSized() {
    assertThat(CostAdvisor.advise(glueRun(85.0, 70.0), List.of(), true))
        .noneMatch(a -> a.kind() == AdviceKind.RIGHT_SIZE);
  }

  @Test
  void flexIsSuggestedOnlyForJobsWithoutADeadline() {
    CostAdvice flex =
        only(CostAdvisor.advise(glueRun(null, null), List.of(), false), AdviceKind.GLUE_FLEX);
    assertThat(flex.estimatedSavingsUsd()).isCloseTo(1.5 * (0.44 - 0.29), within(1e-12));
    assertThat(CostAdvisor.advise(glueRun(null, null), List.of(), true))
        .noneMatch(a -> a.kind() == AdviceKind.GLUE_FLEX);
  }

  @Test
  void spotIsSuggestedForEmrOnEc2() {
    ResourceUsage usage = ResourceUsage.ofCluster(3_600_000, 4, 4, 16);
    CostComparison c = calculator.compare(usage, CostOptions.of(Platform.EMR_EC2, DAY));
    CostAdvice spot = only(CostAdvisor.advise(c, List.of(), false), AdviceKind.EMR_SPOT);
    // 2 x m5.2xlarge core nodes: EC2 part 2 x 0.384 x (1 - 0.35) per hour
    assertThat(spot.estimatedSavingsUsd()).isCloseTo(2 * 0.384 * 0.65, within(1e-12));
  }

  @Test
  void cheaperFeasiblePlatformIsSuggestedWithTheDifference() {
    // One 1-core executor for 2 minutes on EMR on EC2: Lambda is far cheaper and feasible.
    ResourceUsage usage = ResourceUsage.ofCluster(120_000, 1, 1, 1);
    CostComparison c = calculator.compare(usage, CostOptions.of(Platform.EMR_EC2, DAY));
    CostAdvice move = only(CostAdvisor.advise(c, List.of(), true), AdviceKind.PLATFORM_SWITCH);
    assertThat(move.title()).isEqualTo("Move to " + c.cheapest().orElseThrow().option());
    assertThat(move.estimatedSavingsUsd())
        .isCloseTo(c.own().totalUsd() - c.cheapest().orElseThrow().totalUsd(), within(1e-12));
  }

  @Test
  void fixingAFindingSavesItsShareOfCoreSeconds() {
    // 5 x 4 cores x 900 s = 18 000 core-s; the fix saves 4 500 core-s = 25% of $0.66.
    Finding skew =
        Finding.of(
            "data-skew",
            Severity.HIGH,
            "Stage 3 is skewed",
            List.of(),
            new Recommendation("Salt the join key", null, null, null, null),
            new Impact(120.0, null, 4500.0, "compute core-seconds", "straggler time x cores"),
            null);
    CostAdvice fix =
        only(CostAdvisor.advise(glueRun(null, null), List.of(skew), true), AdviceKind.FIX_ISSUE);
    assertThat(fix.estimatedSavingsUsd()).isCloseTo(0.165, within(1e-12));
    assertThat(fix.title()).isEqualTo("Fix data-skew: Stage 3 is skewed");
    assertThat(fix.detail()).isEqualTo("Salt the join key");
    // with only time saved: 120 s of 900 s
    Finding timeOnly =
        Finding.of(
            "spill",
            Severity.MEDIUM,
            "Spill",
            List.of(),
            new Recommendation("More memory", null, null, null, null),
            new Impact(120.0, null, null, "compute", "spill time"),
            null);
    CostAdvice fix2 =
        only(
            CostAdvisor.advise(glueRun(null, null), List.of(timeOnly), true), AdviceKind.FIX_ISSUE);
    assertThat(fix2.estimatedSavingsUsd()).isCloseTo(0.66 * 120 / 900, within(1e-12));
  }

  @Test
  void localRunIsAdvisedAgainstTheCheapestCloudOptionAndSaysSo() {
    ResourceUsage usage = ResourceUsage.ofCluster(900_000, 5, 4, 10).withUtilization(20.0, 20.0);
    CostComparison c = calculator.compare(usage, CostOptions.of(Platform.LOCAL, DAY));
    CostAdvice a = only(CostAdvisor.advise(c, List.of(), true), AdviceKind.RIGHT_SIZE);
    assertThat(a.detail()).endsWith("(priced on " + c.cheapest().orElseThrow().option() + ")");
  }
}
