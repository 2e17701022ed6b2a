package io.strandsetl.rules.performance;

import io.strandsetl.model.finding.Severity;

/**
 * The shared scales that turn a measured amount at stake into a severity, so that "HIGH" means the
 * same size of problem whichever detector reports it. Documented in {@code docs/detectors.md}.
 */
final class SeverityScale {
  private SeverityScale() {}

  /**
   * Seconds at stake (wall-clock or core seconds), judged both absolutely and as a share of the
   * run's total in the same unit: half an hour is critical on any run; five minutes is critical
   * when it is a quarter of the run; under ten seconds is always low.
   *
   * @param seconds seconds the problem costs
   * @param totalSeconds the run's total in the same unit (wall-clock duration or executor run
   *     time), 0 when unknown
   */
  static Severity ofSeconds(double seconds, double totalSeconds) {
    double share = totalSeconds > 0 ? seconds / totalSeconds : 0;
    if (seconds >= 1800 || (seconds >= 300 && share >= 0.25)) {
      return Severity.CRITICAL;
    }
    if (seconds >= 300 || (seconds >= 60 && share >= 0.10)) {
      return Severity.HIGH;
    }
    if (seconds >= 60 || (seconds >= 10 && share >= 0.03)) {
      return Severity.MEDIUM;
    }
    return Severity.LOW;
  }

  /**
   * Core-seconds of paid but wasted capacity, judged absolutely because a run's share says nothing
   * about the bill: 10 core-hours is critical, 1 core-hour high, 10 core-minutes medium. (At
   * roughly $0.04–0.10 per core-hour on demand, below 10 core-minutes the money is cents.)
   */
  static Severity ofCoreSeconds(double coreSeconds) {
    if (coreSeconds >= 36_000) {
      return Severity.CRITICAL;
    }
    if (coreSeconds >= 3_600) {
      return Severity.HIGH;
    }
    if (coreSeconds >= 600) {
      return Severity.MEDIUM;
    }
    return Severity.LOW;
  }

  /**
   * Bytes at stake (read, shuffled, spilled or written needlessly): 1 GiB takes roughly 10 core
   * seconds to read and 1 TiB hours, so decades of bytes map to severities.
   */
  static Severity ofBytes(double bytes) {
    if (bytes >= 100.0 * Quantities.GIB) {
      return Severity.CRITICAL;
    }
    if (bytes >= 10.0 * Quantities.GIB) {
      return Severity.HIGH;
    }
    if (bytes >= 1.0 * Quantities.GIB) {
      return Severity.MEDIUM;
    }
    return Severity.LOW;
  }

  /** The less severe of two severities (a cap). */
  static Severity min(Severity a, Severity b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The more severe of two severities. */
  static Severity max(Severity a, Severity b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
