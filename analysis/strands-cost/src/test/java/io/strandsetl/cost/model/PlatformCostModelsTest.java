package io.strandsetl.cost.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strandsetl.cost.catalog.PriceCatalogReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases per platform, prices from PRICING.md (us-east-1). */
class PlatformCostModelsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final double GB = 1e9;
  private final CostCalculator calculator =
      new CostCalculator(PriceCatalogReader.bundled("us-east-1"));

  // 4 executors x 4 cores x 16 GiB for 10 minutes, whole run allocated.
  private final ResourceUsage tenMinutes = ResourceUsage.ofCluster(600_000, 4, 4, 16);

  private CostComparison compare(ResourceUsage usage, Platform platform) {
    return calculator.compare(usage, CostOptions.of(platform, DAY));
  }

  @Test
  void emrServerlessBillsVcpuAndGbHoursOfExecutorsAndDriver() {
    PlatformEstimate e = compare(tenMinutes, Platform.EMR_SERVERLESS).own();
    // vCPU-s: 4 x 4 x 600 + driver 1 x 600 = 10 200; GB-s: 4 x 16 x 600 + driver 1 x 600 = 39 000.
    double expected = 10_200 / 3600.0 * 0.052624 + 39_000 / 3600.0 * 0.0057785;
    assertThat(e.computeUsd()).isCloseTo(expected, within(1e-12));
    assertThat(e.platformStorageUsd()).isZero();
  }

  @Test
  void emrServerlessChargesLocalStorageAboveTwentyGbPerWorker() {
    // 120 GB shuffled over 4 workers = 30 GB each, 10 GB above the free 20 GB.
    ResourceUsage usage = tenMinutes.withData(0, 0, (long) (120 * GB), 0, 0, 0);
    PlatformEstimate e = compare(usage, Platform.EMR_SERVERLESS).own();
    assertThat(e.platformStorageUsd()).isCloseTo(10 * 4 * 600 / 3600.0 * 0.000111, within(1e-12));
  }

  @Test
  void emrOnEc2PicksTheCheapestClusterAndAddsOnePrimaryNode() {
    // 16 cores / 64 GiB: 2 x m5.2xlarge ($0.48/h) ties 4 x m5.xlarge ($0.24/h) at $0.96/h; the
    // first in catalog order (m5.2xlarge) is kept. Primary: the cheapest type, m5.xlarge $0.24/h.
    CostComparison c = compare(tenMinutes, Platform.EMR_EC2);
    assertThat(c.own().option()).isEqualTo("emr-ec2 on-demand m5.2xlarge");
    assertThat(c.own().computeUsd()).isCloseTo((2 * 0.48 + 0.24) * 600 / 3600.0, within(1e-12));
    PlatformEstimate spot = c.option("emr-ec2 spot m5.2xlarge").orElseThrow();
    // Spot discounts the EC2 part of core nodes only (0.35 x 0.384), not the uplift or primary.
    assertThat(spot.computeUsd())
        .isCloseTo((2 * (0.384 * 0.35 + 0.096) + 0.24) * 600 / 3600.0, within(1e-12));
  }

  @Test
  void emrOnEc2MemoryBoundRunChoosesMemoryOptimisedNodes() {
    // 4 executors x 1 core x 30 GiB = 120 GiB: r5.xlarge needs 4 ($1.26/h), m5.xlarge 8 ($1.92/h),
    // m5.2xlarge 4 ($1.92/h).
    ResourceUsage usage = ResourceUsage.ofCluster(3_600_000, 4, 1, 30);
    CostComparison c = compare(usage, Platform.EMR_EC2);
    assertThat(c.own().option()).isEqualTo("emr-ec2 on-demand r5.xlarge");
    assertThat(c.own().computeUsd()).isCloseTo(4 * 0.315 + 0.24, within(1e-12));
  }

  @Test
  void emrStartupSecondsAreBilled() {
    CostOptions options = CostOptions.of(Platform.EMR_EC2, DAY).withEmrStartupSeconds(300);
    PlatformEstimate e = calculator.compare(tenMinutes, options).own();
    assertThat(e.computeUsd()).isCloseTo((2 * 0.48 + 0.24) * 900 / 3600.0, within(1e-12));
    assertThat(e.inputs()).extracting(FormulaInput::name).contains("emr-startup");
  }

  @Test
  void lambdaPricesASmallJobByMemoryAndMilliseconds() {
    // 1 executor x 2 cores x 2 GiB for 60 s: 2 vCPU need 2 x 1769 MB = 3538 MB; 120 busy core-s
    // on 2 vCPU = 60 s.
    ResourceUsage usage = ResourceUsage.ofCluster(60_000, 1, 2, 2);
    PlatformEstimate e = compare(usage, Platform.LAMBDA).own();
    assertThat(e.feasible()).isTrue();
    assertThat(e.estimatedSeconds()).isCloseTo(60, within(1e-9));
    assertThat(e.computeUsd())
        .isCloseTo(3538 / 1024.0 * 60 * 0.0000166667 + 0.20 / 1_000_000, within(1e-12));
  }

  @Test
  void lambdaIsSizedForTheCoresTheRunKeptBusyNotTheIdleOnes() {
    // 8 cores allocated for 86 s but only 2 busy core-s: 1 GiB working memory is enough, and
    // 1024 MB buys 0.58 vCPU, which does the 2 core-s well within the measured 86 s.
    ResourceUsage idle =
        new ResourceUsage(
            86_000, 688, 2, 86, 1, 8, 1, 1, 1, 0, 0, 0, 0, 0, 0, null, null, List.of());
    PlatformEstimate e = compare(idle, Platform.LAMBDA).own();
    assertThat(e.estimatedSeconds()).isCloseTo(86, within(1e-9));
    assertThat(e.computeUsd())
        .isCloseTo(1024 / 1024.0 * 86 * 0.0000166667 + 0.20 / 1_000_000, within(1e-12));
  }

  @Test
  void lambdaIsNotFeasibleBeyondFifteenMinutes() {
    PlatformEstimate e =
        compare(ResourceUsage.ofCluster(1_200_000, 1, 1, 1), Platform.GLUE)
            .option("lambda")
            .orElseThrow();
    assertThat(e.feasible()).isFalse();
    assertThat(e.reason())
        .isEqualTo("would run about 1200 s on 1.0 vCPU, Lambda allows at most 900 s");
    assertThat(e.displayTotal()).startsWith("N/A (");
    assertThat(e.totalUsd()).isZero();
  }

  @Test
  void lambdaIsNotFeasibleAboveTenGbOfMemory() {
    PlatformEstimate e = compare(tenMinutes, Platform.GLUE).option("lambda").orElseThrow();
    assertThat(e.feasible()).isFalse();
    assertThat(e.reason()).isEqualTo("needs 65536 MB of memory, Lambda allows at most 10240 MB");
  }

  @Test
  void lambdaIsNotFeasibleWhenShuffleExceedsTmp() {
    ResourceUsage usage =
        ResourceUsage.ofCluster(60_000, 1, 2, 2).withData(0, 0, 11L << 30, 0, 0, 0);
    PlatformEstimate e = compare(usage, Platform.GLUE).option("lambda").orElseThrow();
    assertThat(e.feasible()).isFalse();
    assertThat(e.reason()).contains("11264 MB of local disk").contains("at most 10240 MB");
  }

  @Test
  void lambdaChargesTmpAboveFreeHalfGigabyte() {
    // 1.5 GiB shuffle = 1536 MB of /tmp, 1024 MB above the free 512 MB.
    ResourceUsage usage =
        ResourceUsage.ofCluster(60_000, 1, 2, 2).withData(0, 0, 1536L << 20, 0, 0, 0);
    PlatformEstimate e = compare(usage, Platform.LAMBDA).own();
    assertThat(e.platformStorageUsd()).isCloseTo(1.0 * 60 * 0.0000000309, within(1e-15));
  }

  @Test
  void localRunHasNoComputeButPaysForS3StorageAndRequests() {
    ResourceUsage usage =
        ResourceUsage.ofCluster(60_000, 1, 4, 4)
            .withData((long) (20 * GB), (long) (10 * GB), 0, 0, (long) (25 * GB), 100);
    CostComparison c = compare(usage, Platform.LOCAL);
    double storage = 10 * 0.023 + 100 / 1000.0 * 0.005;
    assertThat(c.breakdown().computeUsd()).isZero();
    assertThat(c.breakdown().storageUsd()).isCloseTo(storage, within(1e-12));
    assertThat(c.breakdown().totalUsd()).isCloseTo(storage, within(1e-12));
    assertThat(c.breakdown().costPerGbUsd()).isCloseTo(storage / 25, within(1e-12));
    assertThat(c.notes()).anyMatch(n -> n.startsWith("local: no cloud compute price applies"));
    // every cloud option carries the same shared storage cost
    assertThat(c.option("emr-serverless").orElseThrow().sharedUsd())
        .isCloseTo(storage, within(1e-12));
  }

  @Test
  void aiTokensAndCrossAzTrafficArePricedFromTheCatalog() {
    CostOptions options =
        CostOptions.of(Platform.GLUE, DAY)
            .withAi(List.of(AiUsage.of("claude-sonnet-4", 1_000_000, 100_000)))
            .withNetwork(0, 0, (long) (10 * GB));
    CostComparison c = calculator.compare(tenMinutes, options);
    assertThat(c.breakdown().aiUsd()).isCloseTo(3 + 1.5, within(1e-12));
    assertThat(c.breakdown().networkUsd()).isCloseTo(2 * 10 * 0.01, within(1e-12));
    assertThat(c.breakdown().totalUsd()).isCloseTo(c.own().computeUsd() + 4.5 + 0.2, within(1e-12));
  }

  @Test
  void glueRunUsesTheWorkerTypeMatchingItsExecutorCores() {
    // 8-core executors are G.2X workers: 4 executors -> 4 + 1 driver = 5 workers = 10 DPU.
    ResourceUsage usage = ResourceUsage.ofCluster(1_800_000, 4, 8, 20);
    PlatformEstimate own = compare(usage, Platform.GLUE).own();
    assertThat(own.option()).isEqualTo("glue-standard G.2X");
    assertThat(own.dpuHours()).isCloseTo(10 * 0.5, within(1e-12));
    assertThat(own.computeUsd()).isCloseTo(5 * 0.44, within(1e-12));
  }

  @Test
  void flexIsOnlyOfferedForG1xAndG2x() {
    CostComparison c = compare(tenMinutes, Platform.GLUE);
    assertThat(c.options())
        .extracting(PlatformEstimate::option)
        .containsExactly(
            "glue-standard G.1X",
            "glue-flex G.1X",
            "glue-standard G.2X",
            "glue-flex G.2X",
            "glue-standard G.4X",
            "glue-standard G.8X",
            "emr-ec2 on-demand m5.2xlarge",
            "emr-ec2 spot m5.2xlarge",
            "emr-serverless",
            "lambda");
  }

  @Test
  void thirdPartyAndAssumedPricesAreNamedInTheNotes() {
    CostComparison c = compare(tenMinutes, Platform.GLUE);
    assertThat(c.notes()).anyMatch(n -> n.startsWith("glue.flex.dpu-hour is third-party"));
    assertThat(c.notes()).anyMatch(n -> n.startsWith("emr.ec2.spot-fraction is assumption"));
  }
}
