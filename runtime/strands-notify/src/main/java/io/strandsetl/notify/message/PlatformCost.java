package io.strandsetl.notify.message;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;

/**
 * What the same run would cost on one platform (from the cost engine's per-platform comparison).
 *
 * @param platform platform id, e.g. {@code glue}, {@code emr-serverless}, {@code lambda}
 * @param estimatedUsd estimated total, USD
 * @param feasible false when the platform cannot run this job (e.g. Lambda's 15-minute limit); an
 *     infeasible platform is never offered as the cheapest alternative
 */
public record PlatformCost(String platform, double estimatedUsd, boolean feasible) {
  public PlatformCost {
    if (platform == null || platform.isBlank()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid platform cost: '" + platform + "' (blank platform)");
    }
    if (!(estimatedUsd >= 0) || Double.isInfinite(estimatedUsd)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid estimatedUsd for " + platform + ": " + estimatedUsd + " (must be >= 0)");
    }
  }
}
