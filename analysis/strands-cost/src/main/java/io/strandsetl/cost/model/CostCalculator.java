package io.strandsetl.cost.model;

import io.strandsetl.cost.catalog.PriceCatalog;
import io.strandsetl.model.store.CostBreakdown;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices one run on its own platform and on every modelled option, from the catalog figures
 * effective on the run's day. Pure and deterministic.
 */
public final class CostCalculator {
  /** Worker type used for a Glue run whose executor cores match no worker type. */
  static final String DEFAULT_GLUE_WORKER = "G.1X";

  private final PriceCatalog catalog;

  public CostCalculator(PriceCatalog catalog) {
    this.catalog = catalog;
  }

  public PriceCatalog catalog() {
    return catalog;
  }

  /**
   * The AWS Glue formula for a known DPU count and run time: {@code DPU × max(minimum, seconds) /
   * 3600 × rate} with the minimum and rate from the catalog on {@code date}. USD.
   */
  public double glueJobCost(double dpu, double seconds, boolean flex, java.time.LocalDate date) {
    Prices prices = new Prices(catalog, date);
    return GlueCostModel.jobCost(
        dpu,
        seconds,
        prices.get("glue.minimum-billed-seconds", null),
        prices.get(flex ? "glue.flex.dpu-hour" : "glue.standard.dpu-hour", null));
  }

  public CostComparison compare(ResourceUsage usage, CostOptions options) {
    Prices prices = new Prices(catalog, options.usageDate());
    SharedCost shared = SharedCostModel.estimate(usage, options, prices);
    List<PlatformEstimate> all = new ArrayList<>();
    for (String type : GlueCostModel.batchWorkerTypes(prices)) {
      all.add(GlueCostModel.estimate(usage, type, false, prices, shared));
      if (prices.get("glue.worker." + type + ".flex", null) >= 1) {
        all.add(GlueCostModel.estimate(usage, type, true, prices, shared));
      }
    }
    List<PlatformEstimate> emr =
        EmrEc2CostModel.estimates(usage, prices, shared, options.emrStartupSeconds());
    all.addAll(emr);
    PlatformEstimate serverless = EmrServerlessCostModel.estimate(usage, prices, shared);
    all.add(serverless);
    PlatformEstimate lambda = LambdaCostModel.estimate(usage, prices, shared);
    all.add(lambda);

    List<String> notes = new ArrayList<>(usage.assumptions());
    PlatformEstimate own =
        switch (options.platform()) {
          case GLUE -> {
            String type = options.glueWorkerType();
            if (type == null) {
              type = GlueCostModel.workerTypeForCores(prices, usage.executorCores());
              if (type == null) {
                type = DEFAULT_GLUE_WORKER;
                notes.add(
                    "glue: no worker type has "
                        + usage.executorCores()
                        + " vCPU; priced as "
                        + DEFAULT_GLUE_WORKER);
              }
            }
            yield GlueCostModel.estimate(usage, type, false, prices, shared);
          }
          case EMR_EC2 -> emr.get(0);
          case EMR_SERVERLESS -> serverless;
          case LAMBDA -> lambda;
          case LOCAL, UNPRICED -> {
            notes.add(
                options.platform().key()
                    + ": no cloud compute price applies; compute is $0 (the machine is not"
                    + " modelled), storage/network/AI are still priced");
            yield new PlatformEstimate(
                options.platform().key(),
                options.platform(),
                true,
                "",
                0,
                0,
                shared.totalUsd(),
                shared.totalUsd(),
                0,
                usage.durationSeconds(),
                "no compute price",
                List.of());
          }
        };
    if (!own.feasible()) {
      notes.add(
          options.platform().key()
              + ": the model finds the run not feasible there ("
              + own.reason()
              + "); its compute is recorded as $0");
    }
    double compute = own.feasible() ? own.computeUsd() : 0;
    double storage = (own.feasible() ? own.platformStorageUsd() : 0) + shared.storageUsd();
    double total = compute + storage + shared.networkUsd() + shared.aiUsd();
    double gb = usage.bytesProcessed() / 1e9;
    CostBreakdown breakdown =
        new CostBreakdown(
            total,
            compute,
            storage,
            shared.networkUsd(),
            shared.aiUsd(),
            gb > 0 ? total / gb : 0,
            own.feasible() ? own.dpuHours() : 0);
    notes.addAll(prices.notes());
    return new CostComparison(
        usage, options.platform(), own, shared, all, breakdown, catalog.version(), notes);
  }
}
