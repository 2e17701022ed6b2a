package io.strandsetl.rules.performance;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;

/** Config keys of detectors: {@code detector.<id>.<name>}, and their validation. */
final class DetectorKeys {
  private DetectorKeys() {}

  static String key(String detectorId, String name) {
    return "detector." + detectorId + "." + name;
  }

  /** Fails with "Invalid detector.x.y: 'v' (why)" when {@code ok} is false. */
  static void check(boolean ok, String detectorId, String name, Object value, String why) {
    if (!ok) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid " + key(detectorId, name) + ": '" + value + "' (" + why + ")");
    }
  }
}
