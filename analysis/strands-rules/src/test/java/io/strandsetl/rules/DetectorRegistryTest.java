package io.strandsetl.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Detector;
import io.strandsetl.model.finding.DetectorFactory;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Recommendation;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.run.RunAnalysis;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectorRegistryTest {
  private static final RunAnalysis EMPTY_RUN =
      new RunAnalysis(null, null, List.of(), List.of(), List.of(), List.of(), null);

  @Test
  void findsEveryPerformanceDetectorThroughServiceLoader() {
    assertThat(DetectorRegistry.load().names())
        .containsExactly(
            "cartesian-join",
            "data-skew",
            "full-scan",
            "gc-pressure",
            "idle-executors",
            "memory-pressure",
            "missing-broadcast",
            "repeated-computation",
            "shuffle-partitions",
            "small-files",
            "spill",
            "task-failures",
            "unpartitioned-window",
            "wide-scan");
  }

  @Test
  void failsLoudlyOnUnknownDetectorNameListingTheKnownOnes() {
    assertThatThrownBy(() -> DetectorRegistry.load().create("data-skw", Settings.empty()))
        .isInstanceOf(StrandsException.class)
        .hasMessageStartingWith(
            "Invalid detector name: 'data-skw' (known: [cartesian-join, data-skew, ")
        .satisfies(
            e -> assertThat(((StrandsException) e).code()).isEqualTo(ErrorCode.UNKNOWN_PLUGIN));
  }

  @Test
  void rejectsInvalidThresholdWithKeyAndReason() {
    Settings settings = Settings.of(Map.of("detector.data-skew.min-ratio", "0.5"));

    assertThatThrownBy(() -> DetectorRegistry.load().create("data-skew", settings))
        .isInstanceOf(StrandsException.class)
        .hasMessage("Invalid detector.data-skew.min-ratio: '0.5' (must be > 1)");
  }

  @Test
  void creatingAllDetectorsConsumesEveryDocumentedKeySoTyposStandOut() {
    Settings settings =
        Settings.of(
            Map.of(
                "detector.data-skew.min-ratio", "8",
                "detector.missing-broadcast.max-broadcast-bytes", "64m",
                "detector.data-skew.min-ration", "8"));

    List<Detector> selected = DetectorRegistry.load().createAll(settings, Set.of("spill"));

    assertThat(selected).extracting(Detector::id).containsExactly("spill");
    assertThat(settings.unknownKeys("detector.")).containsExactly("detector.data-skew.min-ration");
  }

  @Test
  void aThrowingDetectorIsReportedWithoutLosingTheOthersFindings() {
    Detector broken = new FixedDetector("broken", null);
    Detector low = new FixedDetector("b-type", Severity.LOW);
    Detector critical = new FixedDetector("z-type", Severity.CRITICAL);
    Detector high = new FixedDetector("a-type", Severity.HIGH);

    DetectionResult result =
        DetectorRegistry.detect(List.of(low, broken, critical, high), EMPTY_RUN);

    assertThat(result.findings())
        .extracting(Finding::type)
        .containsExactly("z-type", "a-type", "b-type");
    assertThat(result.failures())
        .containsExactly(
            new DetectorFailure("broken", "IllegalStateException", "Cannot parse plan"));
    assertThat(result.complete()).isFalse();
  }

  @Test
  void runsOnlyTheSelectedDetectors() {
    DetectorRegistry registry =
        DetectorRegistry.of(List.of(new NamedFactory("a-type"), new NamedFactory("b-type")));

    DetectionResult result = registry.detect(EMPTY_RUN, Settings.empty(), Set.of("b-type"));

    assertThat(result.findings()).extracting(Finding::type).containsExactly("b-type");
  }

  @Test
  void rejectsTwoFactoriesWithTheSameName() {
    DetectorFactory a = new NamedFactory("spill");
    DetectorFactory b = new NamedFactory("spill");

    assertThatThrownBy(() -> DetectorRegistry.of(List.of(a, b)))
        .hasMessageContaining("'spill' is registered twice");
  }

  /** Returns one finding of its own type, or throws when it has no severity. */
  private record FixedDetector(String id, Severity severity) implements Detector {
    @Override
    public List<Finding> detect(RunAnalysis run) {
      if (severity == null) {
        throw new IllegalStateException("Cannot parse plan");
      }
      return List.of(
          Finding.of(
              id,
              severity,
              id,
              List.of(),
              new Recommendation("fix", null, null, null, null),
              null,
              null));
    }
  }

  private record NamedFactory(String name) implements DetectorFactory {
    @Override
    public String description() {
      return name;
    }

    @Override
    public Detector create(Settings settings) {
      return new FixedDetector(name, Severity.LOW);
    }
  }
}
