package io.strandsetl.model.store;

/**
 * What one execution cost, in US dollars. Written by the cost engine; absent until it exists.
 *
 * @param totalUsd total, USD
 * @param computeUsd compute, USD
 * @param storageUsd storage, USD
 * @param networkUsd network transfer, USD
 * @param aiUsd language-model tokens, USD
 * @param costPerGbUsd total / GB processed, USD per 10^9 bytes
 * @param dpuHours Glue data-processing-unit hours (0 elsewhere)
 */
public record CostBreakdown(
    double totalUsd,
    double computeUsd,
    double storageUsd,
    double networkUsd,
    double aiUsd,
    double costPerGbUsd,
    double dpuHours) {
  public CostBreakdown {
    Checks.nonNegative(totalUsd, "cost totalUsd");
    Checks.nonNegative(computeUsd, "cost computeUsd");
    Checks.nonNegative(storageUsd, "cost storageUsd");
    Checks.nonNegative(networkUsd, "cost networkUsd");
    Checks.nonNegative(aiUsd, "cost aiUsd");
    Checks.nonNegative(costPerGbUsd, "cost costPerGbUsd");
    Checks.nonNegative(dpuHours, "cost dpuHours");
  }
}
