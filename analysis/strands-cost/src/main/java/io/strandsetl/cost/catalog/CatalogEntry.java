package io.strandsetl.cost.catalog;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One figure of the price catalog: a price in USD ({@code price = true}) or a billing fact such as
 * a minimum billed duration or a worker's size ({@code price = false}); {@code value} is in {@code
 * unit}.
 *
 * @param item dotted id, e.g. {@code glue.standard.dpu-hour}
 * @param platform glue, emr, emr-serverless, lambda, s3, network, ai, …
 * @param region AWS region, or {@code any} for facts that do not depend on the region
 * @param unit what {@code value} counts, e.g. {@code USD per DPU-hour}
 * @param value the price (USD per unit) or the fact (in unit), finite and ≥ 0
 * @param price true for a USD price, false for a billing fact
 * @param effectiveFrom first day (UTC) the figure applies
 * @param source URL of the page the figure was taken from
 * @param origin file the entry was read from (resource or override path), for error messages
 */
public record CatalogEntry(
    String item,
    String platform,
    String region,
    String unit,
    double value,
    boolean price,
    LocalDate effectiveFrom,
    PriceBasis basis,
    String source,
    String note,
    String origin) {

  /** The region value of facts that apply everywhere. */
  public static final String ANY_REGION = "any";

  public CatalogEntry {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(basis, "basis");
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid price catalog entry " + item + ": " + value + " (must be a finite number >= 0)");
    }
    note = note == null ? "" : note;
    origin = origin == null ? "" : origin;
  }

  /** True when the figure applies in {@code wanted}. */
  boolean appliesIn(String wanted) {
    return region.equals(ANY_REGION) || region.equals(wanted);
  }

  /** One line for reports: {@code glue.standard.dpu-hour = 0.44 USD per DPU-hour (vendor, URL)}. */
  public String describe() {
    return item + " = " + value + " " + unit + " (" + basis.key() + ", " + source + ")";
  }
}
