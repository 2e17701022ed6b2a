package io.strandsetl.cost.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strandsetl.cost.catalog.PriceCatalogReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GlueCostModelTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private final CostCalculator calculator =
      new CostCalculator(PriceCatalogReader.bundled("us-east-1"));

  @Test
  void awsWorkedExampleSixDpuForFifteenMinutesCostsSixtySixCents() {
    assertThat(calculator.glueJobCost(6, 15 * 60, false, DAY)).isCloseTo(0.66, within(1e-12));
  }

  @Test
  void glueBillsAtLeastOneMinute() {
    // 10 DPU for 20 s is billed as 60 s: 10 x 60 / 3600 x 0.44
    assertThat(calculator.glueJobCost(10, 20, false, DAY))
        .isCloseTo(10 * 60 / 3600.0 * 0.44, within(1e-12));
  }

  @Test
  void sizedRunOfFiveFourCoreExecutorsNeedsSixG1xWorkersAndMatchesTheWorkedExample() {
    // 5 executors x 4 cores x 10 GiB fit 5 G.1X workers, plus 1 for the driver: 6 DPU.
    ResourceUsage usage = ResourceUsage.ofCluster(15 * 60 * 1000L, 5, 4, 10);
    CostComparison c = calculator.compare(usage, CostOptions.of(Platform.GLUE, DAY));
    assertThat(c.own().option()).isEqualTo("glue-standard G.1X");
    assertThat(c.own().computeUsd()).isCloseTo(0.66, within(1e-12));
    assertThat(c.own().dpuHours()).isCloseTo(1.5, within(1e-12));
    assertThat(c.breakdown().dpuHours()).isCloseTo(1.5, within(1e-12));
    assertThat(c.option("glue-flex G.1X").orElseThrow().computeUsd())
        .isCloseTo(1.5 * 0.29, within(1e-12));
    assertThat(c.own().inputs())
        .extracting(FormulaInput::name)
        .contains("dpu", "glue.standard.dpu-hour");
  }
}
