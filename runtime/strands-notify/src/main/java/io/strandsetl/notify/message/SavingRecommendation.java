package io.strandsetl.notify.message;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.Objects;

/**
 * One recommendation with its estimated saving.
 *
 * @param text one line
 * @param estimatedSavingsUsd estimated saving per run, USD; null when not estimated
 */
public record SavingRecommendation(String text, Double estimatedSavingsUsd) {
  public SavingRecommendation {
    Objects.requireNonNull(text, "text");
    if (estimatedSavingsUsd != null
        && (!(estimatedSavingsUsd >= 0) || estimatedSavingsUsd.isInfinite())) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid estimatedSavingsUsd: " + estimatedSavingsUsd + " (must be >= 0)");
    }
  }
}
