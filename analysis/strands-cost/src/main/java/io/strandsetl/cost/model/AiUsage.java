package io.strandsetl.cost.model;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;

/**
 * Language-model tokens used for a run (narratives, questions). Priced with the catalog items
 * {@code ai.<model>.input-mtok} / {@code .output-mtok}; cache writes at 1.25× and reads at 0.1× the
 * input price (catalog facts).
 *
 * @param model catalog model id, e.g. {@code claude-sonnet-4}, {@code claude-haiku-4.5}
 */
public record AiUsage(
    String model,
    long inputTokens,
    long outputTokens,
    long cacheWriteTokens,
    long cacheReadTokens) {
  public AiUsage {
    if (model == null || model.isBlank()) {
      throw new StrandsException(ErrorCode.INVALID_ARGUMENT, "Invalid AI usage model: blank");
    }
    if (inputTokens < 0 || outputTokens < 0 || cacheWriteTokens < 0 || cacheReadTokens < 0) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid AI usage for " + model + ": negative token count");
    }
  }

  public static AiUsage of(String model, long inputTokens, long outputTokens) {
    return new AiUsage(model, inputTokens, outputTokens, 0, 0);
  }
}
