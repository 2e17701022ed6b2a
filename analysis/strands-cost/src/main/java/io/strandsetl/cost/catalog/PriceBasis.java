package io.strandsetl.cost.catalog;

/** Where a catalog figure comes from, so a report can say how much to trust it. */
public enum PriceBasis {
  /** The seller's own pricing page or documentation (AWS, Anthropic). */
  VENDOR,
  /** Only third-party pages carried the figure ({@code (3p)} in PRICING.md). */
  THIRD_PARTY,
  /** Not a published price (e.g. a typical spot discount): the user should override it. */
  ASSUMPTION;

  static PriceBasis parse(String raw) {
    return switch (raw) {
      case "vendor" -> VENDOR;
      case "third-party" -> THIRD_PARTY;
      case "assumption" -> ASSUMPTION;
      default -> null;
    };
  }

  /** The spelling used in catalog files. */
  public String key() {
    return switch (this) {
      case VENDOR -> "vendor";
      case THIRD_PARTY -> "third-party";
      case ASSUMPTION -> "assumption";
    };
  }
}
