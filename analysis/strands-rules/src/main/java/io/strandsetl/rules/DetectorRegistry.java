package io.strandsetl.rules;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Detector;
import io.strandsetl.model.finding.DetectorFactory;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.run.RunAnalysis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The detectors available on the class path, found with {@link ServiceLoader} over {@link
 * DetectorFactory}. Adding a detector needs no change here: one factory and one {@code
 * META-INF/services} line.
 */
public final class DetectorRegistry {
  /** Severity (most severe first), then type, then id: the order of every report. */
  public static final Comparator<Finding> FINDING_ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::type)
          .thenComparing(Finding::id);

  private static final System.Logger LOG = System.getLogger(DetectorRegistry.class.getName());

  private final Map<String, DetectorFactory> factories;

  private DetectorRegistry(Map<String, DetectorFactory> factories) {
    this.factories = factories;
  }

  /** Every factory found by the {@link ServiceLoader} of this class's class loader. */
  public static DetectorRegistry load() {
    return of(ServiceLoader.load(DetectorFactory.class, DetectorRegistry.class.getClassLoader()));
  }

  /**
   * A registry over the given factories.
   *
   * @throws StrandsException INTERNAL_ERROR when two factories share a name (the second would
   *     silently shadow the first)
   */
  public static DetectorRegistry of(Iterable<? extends DetectorFactory> factories) {
    Map<String, DetectorFactory> byName = new TreeMap<>();
    for (DetectorFactory f : factories) {
      DetectorFactory previous = byName.putIfAbsent(f.name(), f);
      if (previous != null) {
        throw new StrandsException(
            ErrorCode.INTERNAL_ERROR,
            "Invalid detector factories: '"
                + f.name()
                + "' is registered twice ("
                + previous.getClass().getName()
                + ", "
                + f.getClass().getName()
                + ")");
      }
    }
    return new DetectorRegistry(byName);
  }

  /** Detector names, sorted. */
  public List<String> names() {
    return List.copyOf(factories.keySet());
  }

  /** One-line description of each detector, by name, sorted. */
  public Map<String, String> descriptions() {
    Map<String, String> d = new TreeMap<>();
    factories.forEach((name, f) -> d.put(name, f.description()));
    return d;
  }

  /**
   * Creates one detector with thresholds read from {@code detector.<name>.*}.
   *
   * @throws StrandsException UNKNOWN_PLUGIN listing the known names when {@code name} is unknown;
   *     INVALID_CONFIG when one of its settings has a bad value
   */
  public Detector create(String name, Settings settings) {
    DetectorFactory f = factories.get(name);
    if (f == null) {
      throw new StrandsException(
          ErrorCode.UNKNOWN_PLUGIN,
          "Invalid detector name: '" + name + "' (known: " + names() + ")");
    }
    return f.create(settings);
  }

  /**
   * Creates every detector (so that each reads its keys, and {@link Settings#unknownKeys(String)}
   * can then report typos) and returns those whose name is in {@code selected}, or all when {@code
   * selected} is empty.
   *
   * @throws StrandsException UNKNOWN_PLUGIN when a selected name is unknown
   */
  public List<Detector> createAll(Settings settings, Collection<String> selected) {
    for (String name : selected) {
      if (!factories.containsKey(name)) {
        create(name, settings); // throws with the list of known names
      }
    }
    List<Detector> detectors = new ArrayList<>();
    for (String name : factories.keySet()) {
      Detector d = create(name, settings);
      if (selected.isEmpty() || selected.contains(name)) {
        detectors.add(d);
      }
    }
    return detectors;
  }

  /**
   * Creates the selected detectors (all when {@code selected} is empty) with {@code settings} and
   * runs them over {@code run}: {@link #createAll} then {@link #detect}.
   */
  public DetectionResult detect(RunAnalysis run, Settings settings, Collection<String> selected) {
    return detect(createAll(settings, selected), run);
  }

  /**
   * Runs each detector over {@code run}. A detector that throws does not stop the others: its
   * failure is returned in {@link DetectionResult#failures()} and logged with its stack trace.
   */
  public static DetectionResult detect(Collection<? extends Detector> detectors, RunAnalysis run) {
    List<Finding> findings = new ArrayList<>();
    List<DetectorFailure> failures = new ArrayList<>();
    for (Detector d : detectors) {
      try {
        findings.addAll(d.detect(run));
      } catch (RuntimeException | StackOverflowError e) {
        // StackOverflowError: a pathological plan depth must cost one detector, not the report.
        LOG.log(System.Logger.Level.WARNING, "Cannot run detector " + d.id() + ": " + e, e);
        failures.add(DetectorFailure.of(d.id(), e));
      }
    }
    findings.sort(FINDING_ORDER);
    return new DetectionResult(findings, failures);
  }

  /**
   * The findings of {@link #detect}, sorted; failures are logged only. Prefer {@link #detect} when
   * the caller can show failures to the user.
   */
  public static List<Finding> detectAll(Collection<? extends Detector> detectors, RunAnalysis run) {
    return detect(detectors, run).findings();
  }
}
