package io.strandsetl.cost.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.cost.catalog.PriceCatalogReader;
import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every log of the shared corpus is priced on its own platform and on every option. */
class EventLogCorpusCostTest {
  @Test
  void everySharedEventLogIsPricedWithFiniteAmounts() {
    CostCalculator calculator = new CostCalculator(PriceCatalogReader.bundled("us-east-1"));
    int priced = 0;
    for (String name : SharedData.ALL_EVENT_LOGS) {
      Path log = SharedData.root().resolve("data").resolve("eventlogs").resolve(name);
      if (!Files.exists(log)) {
        continue;
      }
      RunAnalysis run = EventLogReader.withDefaults().read(log);
      ResourceUsage usage = RunUsageMapper.fromRun(run);
      LocalDate day =
          run.application().startTime() == null
              ? LocalDate.of(2026, 1, 1)
              : LocalDate.ofInstant(run.application().startTime(), ZoneOffset.UTC);
      Platform own = Platform.fromName(run.application().platform());
      CostComparison c = calculator.compare(usage, CostOptions.of(own, day));
      assertThat(c.options()).as(name).hasSize(10);
      assertThat(c.options())
          .as(name)
          .allSatisfy(
              o -> {
                assertThat(Double.isFinite(o.totalUsd())).isTrue();
                assertThat(o.totalUsd()).isGreaterThanOrEqualTo(0);
                assertThat(o.feasible() || !o.reason().isEmpty()).isTrue();
              });
      assertThat(c.cheapest()).as(name).isPresent();
      priced++;
    }
    Assumptions.assumeTrue(priced > 0, "shared event logs not present");
  }
}
