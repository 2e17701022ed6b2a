package io.strandsetl.cost.model;

import java.util.List;

/**
 * Costs that do not depend on the compute platform, USD.
 *
 * @param storageUsd S3 Standard storage of the output for the assumed months + PUT/GET requests
 * @param networkUsd internet egress, inter-region and inter-AZ transfer
 * @param aiUsd language-model tokens
 * @param inputs the formula inputs
 */
public record SharedCost(
    double storageUsd, double networkUsd, double aiUsd, List<FormulaInput> inputs) {
  public SharedCost {
    inputs = List.copyOf(inputs);
  }

  public double totalUsd() {
    return storageUsd + networkUsd + aiUsd;
  }
}
