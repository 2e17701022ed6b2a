package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.pii.Confidence;
import io.strandsetl.compliance.pii.ScannerOptions;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How datasets are scanned for PII.
 *
 * @param maxRows rows read per dataset; 0 reads every row (a full count)
 * @param minColumnRatio share of a column's non-empty values that must hold an entity for the
 *     column to be said to hold it, in (0, 1]
 * @param scanner recognizer options (threshold, phone region hints)
 */
public record ScanSettings(long maxRows, double minColumnRatio, ScannerOptions scanner)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final long DEFAULT_MAX_ROWS = 10_000;
  public static final double DEFAULT_MIN_COLUMN_RATIO = 0.1;

  public ScanSettings {
    if (maxRows < 0) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid compliance.scan.max-rows: " + maxRows + " (must be >= 0; 0 scans every row)");
    }
    if (!(minColumnRatio > 0 && minColumnRatio <= 1)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid compliance.min-column-ratio: " + minColumnRatio + " (must be in (0, 1])");
    }
  }

  public static ScanSettings defaults() {
    return new ScanSettings(DEFAULT_MAX_ROWS, DEFAULT_MIN_COLUMN_RATIO, ScannerOptions.defaults());
  }

  /** Every row instead of a sample. */
  public ScanSettings fullScan() {
    return new ScanSettings(0, minColumnRatio, scanner);
  }

  /**
   * Reads {@code compliance.scan.max-rows}, {@code compliance.min-confidence}, {@code
   * compliance.min-column-ratio} and {@code compliance.phone-regions}.
   */
  public static ScanSettings from(Settings settings) {
    double threshold =
        settings.getDouble("compliance.min-confidence", Confidence.DEFAULT_THRESHOLD);
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid compliance.min-confidence: " + threshold + " (must be in [0, 1])");
    }
    List<String> regions =
        settings
            .string("compliance.phone-regions")
            .map(
                v ->
                    Arrays.stream(v.split(","))
                        .map(s -> s.trim().toUpperCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .toList())
            .orElse(null);
    if (regions != null) {
      var known = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions();
      for (String r : regions) {
        if (!known.contains(r)) {
          throw new StrandsException(
              ErrorCode.INVALID_CONFIG,
              "Invalid compliance.phone-regions: '"
                  + r
                  + "' (expected ISO 3166 codes such as US, GB)");
        }
      }
    }
    return new ScanSettings(
        settings.getLong("compliance.scan.max-rows", DEFAULT_MAX_ROWS),
        settings.getDouble("compliance.min-column-ratio", DEFAULT_MIN_COLUMN_RATIO),
        new ScannerOptions(threshold, regions, null));
  }
}
