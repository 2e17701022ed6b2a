package io.strandsetl.rules;

import java.util.Objects;

/**
 * A detector that threw instead of returning findings. The other detectors' findings still count;
 * this record says which one is missing and why, so a report can show "detector X failed" rather
 * than silently reporting nothing for it.
 *
 * @param detectorId the id of the detector that failed
 * @param errorType the simple class name of the exception
 * @param message the exception message (may be empty, never null)
 */
public record DetectorFailure(String detectorId, String errorType, String message) {
  public DetectorFailure {
    Objects.requireNonNull(detectorId, "detectorId");
    Objects.requireNonNull(errorType, "errorType");
    message = message == null ? "" : message;
  }

  static DetectorFailure of(String detectorId, Throwable error) {
    return new DetectorFailure(detectorId, error.getClass().getSimpleName(), error.getMessage());
  }
}
