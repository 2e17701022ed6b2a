package io.strandsetl.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The quality of one run: one {@link DatasetReport} per checked dataset (sources checked before the
 * run, outputs before publishing), the run's scores over its outputs and the gate verdicts. Written
 * as {@code quality.json} in the run directory.
 *
 * @param scores per dimension the mean over the outputs that measure it; overall the weighted mean
 *     of those (over every dataset when there is no output, e.g. a profile of one dataset)
 * @param weights the dimension weights used
 */
public record QualityReport(
    String job,
    String executionId,
    Instant at,
    List<DatasetReport> datasets,
    DimensionScores scores,
    Map<QualityDimension, Double> weights,
    List<GateResult> gates) {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  public QualityReport {
    datasets = List.copyOf(datasets);
    weights = java.util.Collections.unmodifiableMap(new EnumMap<>(weights));
    gates = List.copyOf(gates);
  }

  /** A report whose run scores are computed from {@code datasets}. */
  public static QualityReport of(
      String job,
      String executionId,
      Instant at,
      List<DatasetReport> datasets,
      Map<QualityDimension, Double> weights,
      List<GateResult> gates) {
    List<DatasetReport> scored = outputsOrAll(datasets);
    Map<QualityDimension, Double> dims = new EnumMap<>(QualityDimension.class);
    for (QualityDimension d : QualityDimension.values()) {
      List<Double> vs =
          scored.stream().map(r -> r.scores().get(d)).filter(java.util.Objects::nonNull).toList();
      if (!vs.isEmpty()) {
        dims.put(d, vs.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
      }
    }
    return new QualityReport(
        job, executionId, at, datasets, DimensionScores.of(dims, weights), weights, gates);
  }

  private static List<DatasetReport> outputsOrAll(List<DatasetReport> datasets) {
    List<DatasetReport> outputs = datasets.stream().filter(r -> r.role().equals("output")).toList();
    return outputs.isEmpty() ? datasets : outputs;
  }

  /** The first gate that halted, if any. */
  public Optional<GateResult> halted() {
    return gates.stream().filter(g -> !g.passed()).findFirst();
  }

  /**
   * The run's summary for the tracking store, or empty when no score was measured. The store's
   * dimensions cannot be null: a dimension that was not measured is stored as the overall score (so
   * a mean recomputed from the stored dimensions equals the overall), see docs/quality.md.
   */
  public Optional<QualitySummary> summary() {
    if (scores.overall() == null) {
      return Optional.empty();
    }
    List<DatasetReport> scored = outputsOrAll(datasets);
    long cells = 0;
    long missing = 0;
    long rows = 0;
    long duplicates = 0;
    long schema = 0;
    long violations = 0;
    int passed = 0;
    int failed = 0;
    for (DatasetReport r : scored) {
      cells += r.rows() * r.columns().size();
      missing += r.missingCells();
      if (r.duplicateRows() != null) {
        rows += r.rows();
        duplicates += r.duplicateRows();
      }
      schema += r.schemaViolations().size();
      violations += r.businessRuleViolations();
      passed += r.checksPassed();
      failed += r.checksFailed();
    }
    return Optional.of(
        new QualitySummary(
            storeScores(scores),
            cells == 0 ? 0 : Math.min(100, 100.0 * missing / cells),
            rows == 0 ? 0 : Math.min(100, 100.0 * duplicates / rows),
            schema,
            violations,
            passed,
            failed));
  }

  /** One {@code data_quality_history} row per dataset with a measured overall score. */
  public List<QualityHistoryEntry> historyEntries() {
    List<QualityHistoryEntry> out = new ArrayList<>();
    for (DatasetReport r : datasets) {
      if (r.scores().overall() != null) {
        out.add(
            new QualityHistoryEntry(
                executionId,
                job,
                r.dataset(),
                at,
                storeScores(r.scores()),
                r.trend(),
                r.anomalies()));
      }
    }
    return out;
  }

  /** Store scores; a not-measured dimension stays null (never the overall score). */
  static QualityScores storeScores(DimensionScores s) {
    return new QualityScores(
        s.completeness(), s.accuracy(), s.consistency(), s.timeliness(), s.validity(), s.overall());
  }

  /** The report as pretty JSON (the content of {@code quality.json}). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot render quality report: " + e.getMessage());
    }
  }

  /** The report as a few lines per dataset, for terminals and e-mails. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append("Quality of ").append(job).append(": ").append(line(scores)).append('\n');
    for (DatasetReport r : datasets) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %s %s (%,d rows): %s%n",
              r.role(),
              r.dataset(),
              r.rows(),
              line(r.scores())));
      b.append(
          String.format(
              Locale.ROOT,
              "    null %.2f%%, duplicates %s, schema violations %d, rule violations %d, checks %d passed / %d failed, trend %s%n",
              r.nullPercent(),
              r.duplicatePercent() == null
                  ? "not measured"
                  : String.format(Locale.ROOT, "%.2f%%", r.duplicatePercent()),
              r.schemaViolations().size(),
              r.businessRuleViolations(),
              r.checksPassed(),
              r.checksFailed(),
              r.trend().name().toLowerCase(Locale.ROOT)));
      for (RuleResult rule : r.rules()) {
        if (rule.declared() && !rule.passed()) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "    FAILED %s [%s, %s]: %s%n",
                  rule.name(),
                  rule.dimension().key(),
                  rule.severity().name().toLowerCase(Locale.ROOT),
                  rule.detail()));
        }
      }
      for (String a : r.anomalies()) {
        b.append("    ANOMALY ").append(a).append('\n');
      }
    }
    for (GateResult g : gates) {
      if (!g.passed()) {
        b.append("  HALTED ").append(g.reason()).append('\n');
      }
    }
    return b.toString();
  }

  /** {@code completeness 0.98, accuracy not measured, ..., overall 0.95}. */
  public static String line(DimensionScores s) {
    List<String> parts = new ArrayList<>();
    for (QualityDimension d : QualityDimension.values()) {
      parts.add(d.key() + " " + fmt(s.get(d)));
    }
    parts.add("overall " + fmt(s.overall()));
    return String.join(", ", parts);
  }

  private static String fmt(Double v) {
    return v == null ? "not measured" : String.format(Locale.ROOT, "%.3f", v);
  }
}
