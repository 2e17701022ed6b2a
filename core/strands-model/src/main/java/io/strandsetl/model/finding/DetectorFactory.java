package io.strandsetl.model.finding;

import io.strandsetl.model.config.Settings;

/**
 * Creates a {@link Detector}; found by {@link java.util.ServiceLoader}. Adding a detector is one
 * factory, one {@code META-INF/services/io.strandsetl.model.finding.DetectorFactory} line and one
 * test.
 */
public interface DetectorFactory {
  /** The detector id; also the config namespace {@code detector.<name>.*}. */
  String name();

  /** One line: the signal it looks for. */
  String description();

  /**
   * Creates the detector with thresholds read from {@code detector.<name>.*} (defaults otherwise).
   */
  Detector create(Settings settings);
}
