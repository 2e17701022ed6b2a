package io.strandsetl.compliance.pii;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a {@link PiiScanner} works. Serializable so that Spark tasks build their own scanner.
 *
 * @param threshold minimum confidence of a reported match, in [0, 1]
 * @param phoneRegions ISO 3166 region hints for national phone numbers, tried in order
 * @param entities entity types to look for (all when empty)
 */
public record ScannerOptions(double threshold, List<String> phoneRegions, Set<EntityType> entities)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ScannerOptions {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "Invalid threshold: " + threshold + " (must be in [0, 1])");
    }
    phoneRegions =
        List.copyOf(phoneRegions == null ? PhoneRecognizer.DEFAULT_REGIONS : phoneRegions);
    entities =
        entities == null || entities.isEmpty()
            ? Set.copyOf(EnumSet.allOf(EntityType.class))
            : Set.copyOf(entities);
  }

  public static ScannerOptions defaults() {
    return new ScannerOptions(Confidence.DEFAULT_THRESHOLD, null, null);
  }

  public ScannerOptions withThreshold(double newThreshold) {
    return new ScannerOptions(newThreshold, phoneRegions, entities);
  }
}
