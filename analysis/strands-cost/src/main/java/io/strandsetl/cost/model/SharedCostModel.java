package io.strandsetl.cost.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Costs outside compute. S3: bytes written / 10^9 × GB-month price × months kept, PUT requests =
 * files written, GET requests only when given. Network: egress, inter-region, and inter-AZ bytes
 * (charged each way, so ×2); same-region S3 ↔ compute is free. AI: tokens × price per 1M tokens.
 */
final class SharedCostModel {
  private SharedCostModel() {}

  static SharedCost estimate(ResourceUsage usage, CostOptions options, Prices prices) {
    List<FormulaInput> in = new ArrayList<>();
    double storage = 0;
    if (options.storageMonths() > 0 && usage.bytesWritten() > 0) {
      double gb = usage.bytesWritten() / 1e9;
      in.add(FormulaInput.measured("bytes-written", gb, "GB"));
      in.add(new FormulaInput("storage-months", options.storageMonths(), "months", "option"));
      storage += gb * options.storageMonths() * prices.get("s3.standard.gb-month", in);
    }
    if (usage.filesWritten() > 0) {
      in.add(FormulaInput.measured("put-requests", usage.filesWritten(), "requests"));
      storage += usage.filesWritten() / 1000.0 * prices.get("s3.put-thousand", in);
    }
    if (options.getRequests() > 0) {
      in.add(new FormulaInput("get-requests", options.getRequests(), "requests", "option"));
      storage += options.getRequests() / 1000.0 * prices.get("s3.get-thousand", in);
    }
    double network = 0;
    if (options.internetEgressBytes() > 0) {
      double gb = options.internetEgressBytes() / 1e9;
      in.add(new FormulaInput("internet-egress", gb, "GB", "option"));
      network += gb * prices.get("transfer.internet-out.gb", in);
    }
    if (options.interRegionBytes() > 0) {
      double gb = options.interRegionBytes() / 1e9;
      in.add(new FormulaInput("inter-region", gb, "GB", "option"));
      network += gb * prices.get("transfer.inter-region.gb", in);
    }
    if (options.interAzBytes() > 0) {
      double gb = options.interAzBytes() / 1e9;
      in.add(new FormulaInput("inter-az", gb, "GB (x2: charged each way)", "option"));
      network += 2 * gb * prices.get("transfer.inter-az.gb", in);
    }
    double ai = 0;
    for (AiUsage tokens : options.ai()) {
      String p = "ai." + tokens.model();
      double input = prices.get(p + ".input-mtok", in);
      double output = prices.get(p + ".output-mtok", in);
      double amount = tokens.inputTokens() * input + tokens.outputTokens() * output;
      if (tokens.cacheWriteTokens() > 0) {
        amount += tokens.cacheWriteTokens() * input * prices.get("ai.cache-write-factor", in);
      }
      if (tokens.cacheReadTokens() > 0) {
        amount += tokens.cacheReadTokens() * input * prices.get("ai.cache-read-factor", in);
      }
      in.add(
          new FormulaInput(
              p + ".tokens",
              tokens.inputTokens() + tokens.outputTokens(),
              "tokens (in + out)",
              "option"));
      ai += amount / 1_000_000.0;
    }
    return new SharedCost(storage, network, ai, in);
  }
}
