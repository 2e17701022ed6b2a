package io.strandsetl.quality;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the measured values of a {@link MeasurePlan} into rule results and dimension scores. Each
 * check yields a pass fraction; a dimension's score is the mean pass fraction of its checks that
 * evaluated something; the overall score is the weighted mean of the measured dimensions.
 */
public final class QualityScorer {
  private QualityScorer() {}

  /**
   * Scores one dataset.
   *
   * @param values measure id to value (Long, Double or String; null when the aggregate was null)
   * @param role {@code source} or {@code output}
   * @param history earlier points of this dataset, oldest first
   * @param now the scoring time (freshness is measured against it)
   */
  public static DatasetReport score(
      QualitySpec spec,
      MeasurePlan plan,
      Map<String, Object> values,
      String role,
      List<HistoryPoint> history,
      Instant now) {
    long rows = count(values, "rows");
    List<String> names = new ArrayList<>(plan.schema().keySet());
    List<ColumnProfile> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String c = "c" + i;
      columns.add(
          new ColumnProfile(
              names.get(i),
              plan.schema().get(names.get(i)),
              count(values, c + ".nulls"),
              count(values, c + ".missing"),
              values.get(c + ".distinct") == null ? null : count(values, c + ".distinct"),
              text(values.get(c + ".min")),
              text(values.get(c + ".max")),
              values.get(c + ".mean") instanceof Number n ? n.doubleValue() : null));
    }
    long cells = rows * names.size();
    long missing = columns.stream().mapToLong(ColumnProfile::missing).sum();
    List<RuleResult> results = new ArrayList<>();
    results.add(
        result(
            0,
            "profile completeness",
            "profile",
            QualityDimension.COMPLETENESS,
            RuleSeverity.WARNING,
            false,
            cells,
            missing,
            0,
            String.format(Locale.ROOT, "%d of %d cells missing (null or token)", missing, cells)));
    DatasetDeclaration decl = spec.declaration(plan.dataset());
    List<String> schemaViolations = schemaViolations(decl, plan.schema());
    if (!decl.schema().isEmpty()) {
      results.add(
          result(
              0,
              plan.dataset() + " schema",
              "schema",
              QualityDimension.VALIDITY,
              RuleSeverity.WARNING,
              true,
              decl.schema().size(),
              schemaViolations.size(),
              1.0,
              schemaViolations.size()
                  + " of "
                  + decl.schema().size()
                  + " declared columns differ"));
    }
    if (!decl.key().isEmpty()) {
      long evaluated = count(values, "key.evaluated");
      long dup = evaluated - count(values, "key.distinct");
      results.add(
          result(
              0,
              plan.dataset() + " key " + decl.key(),
              "unique",
              QualityDimension.CONSISTENCY,
              RuleSeverity.WARNING,
              true,
              evaluated,
              dup,
              1.0,
              dup + " rows repeat a key of an earlier row"));
    }
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    for (QualityRule rule : spec.rulesOf(plan.dataset())) {
      results.add(rule(rule, values, columns, index, rows, history, spec, now));
    }
    Map<QualityDimension, List<Double>> byDimension = new EnumMap<>(QualityDimension.class);
    int passed = 0;
    int failed = 0;
    long violations = 0;
    List<String> critical = new ArrayList<>();
    for (RuleResult r : results) {
      if (r.passFraction() != null) {
        byDimension.computeIfAbsent(r.dimension(), d -> new ArrayList<>()).add(r.passFraction());
      }
      if (r.declared() && r.passFraction() != null) {
        if (r.passed()) {
          passed++;
        } else {
          failed++;
          if (r.severity() == RuleSeverity.CRITICAL) {
            critical.add(r.name());
          }
        }
      }
      if (r.number() > 0) {
        violations += r.violations();
      }
    }
    Map<QualityDimension, Double> dims = new EnumMap<>(QualityDimension.class);
    byDimension.forEach(
        (d, fractions) ->
            dims.put(
                d, fractions.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
    DimensionScores scores = DimensionScores.of(dims, spec.settings().weights());
    Long duplicateRows =
        values.containsKey("distinctRows") ? rows - count(values, "distinctRows") : null;
    var trend =
        QualityTrends.evaluate(
            history.stream().map(HistoryPoint::overall).toList(),
            scores.overall(),
            spec.settings().anomaly(),
            history.size() + 1);
    return new DatasetReport(
        plan.dataset(),
        role,
        rows,
        columns,
        duplicateRows,
        duplicateRows == null || rows == 0 ? null : 100.0 * duplicateRows / rows,
        cells == 0 ? 0 : 100.0 * missing / cells,
        schemaViolations,
        results,
        scores,
        passed,
        failed,
        violations,
        trend.trend(),
        trend.anomalies(),
        critical);
  }

  private static RuleResult rule(
      QualityRule rule,
      Map<String, Object> values,
      List<ColumnProfile> columns,
      Map<String, Integer> index,
      long rows,
      List<HistoryPoint> history,
      QualitySpec spec,
      Instant now) {
    String r = "r" + rule.number();
    Check check = rule.check();
    if (check instanceof Check.NotNull n) {
      long missing = 0;
      for (String c : n.columns()) {
        missing += columns.get(index.get(c)).missing();
      }
      long evaluated = rows * n.columns().size();
      return of(rule, evaluated, missing, missing + " of " + evaluated + " cells missing");
    }
    if (check instanceof Check.Unique) {
      long evaluated = count(values, r + ".evaluated");
      long dup = evaluated - count(values, r + ".distinct");
      return of(rule, evaluated, dup, dup + " rows repeat the key of an earlier row");
    }
    if (check instanceof Check.Range
        || check instanceof Check.Regex
        || check instanceof Check.AllowedValues
        || check instanceof Check.SqlPredicate
        || check instanceof Check.FunctionalDependency
        || check instanceof Check.References) {
      long evaluated = count(values, r + ".evaluated");
      long bad = count(values, r + ".violations");
      return of(rule, evaluated, bad, bad + " of " + evaluated + " rows violate it");
    }
    if (check instanceof Check.Freshness f) {
      Object latest = values.get(r + ".latest");
      if (!(latest instanceof Number micros)) {
        return fraction(rule, 1, 1, 0.0, "no value of " + f.column() + " reads as a timestamp");
      }
      Instant newest =
          Instant.EPOCH.plus(Duration.of(micros.longValue(), java.time.temporal.ChronoUnit.MICROS));
      Duration age = Duration.between(newest, now);
      boolean fresh = age.compareTo(f.maxAge()) <= 0;
      double fraction =
          fresh ? 1.0 : (double) f.maxAge().toSeconds() / Math.max(1, age.toSeconds());
      return fraction(
          rule,
          1,
          fresh ? 0 : 1,
          fraction,
          "newest "
              + f.column()
              + " is "
              + human(age)
              + " old (expected at most "
              + human(f.maxAge())
              + ")");
    }
    if (check instanceof Check.RowCount rc) {
      double fraction = 1.0;
      List<String> notes = new ArrayList<>();
      if (rc.min() != null && rows < rc.min()) {
        fraction = Math.min(fraction, (double) rows / rc.min());
        notes.add("below min " + rc.min());
      }
      if (rc.max() != null && rows > rc.max()) {
        fraction = Math.min(fraction, (double) rc.max() / rows);
        notes.add("above max " + rc.max());
      }
      if (rc.maxChangePercent() != null) {
        List<Double> previous =
            history.stream()
                .map(HistoryPoint::rows)
                .filter(java.util.Objects::nonNull)
                .map(Long::doubleValue)
                .toList();
        previous =
            previous.subList(
                Math.max(0, previous.size() - spec.settings().anomaly().window()), previous.size());
        if (previous.isEmpty()) {
          notes.add("no row-count history yet");
        } else {
          double median = QualityTrends.median(previous);
          double change =
              median == 0 ? (rows == 0 ? 0 : 100) : 100.0 * Math.abs(rows - median) / median;
          if (change > rc.maxChangePercent()) {
            fraction = Math.min(fraction, Math.min(rows, median) / Math.max(rows, median));
            notes.add(
                String.format(
                    Locale.ROOT,
                    "%.1f%% from the median %.0f of %d runs (limit %s%%)",
                    change,
                    median,
                    previous.size(),
                    QualitySpec.plain(rc.maxChangePercent())));
          }
        }
      }
      boolean ok = fraction >= 1.0;
      return fraction(
          rule,
          1,
          ok ? 0 : 1,
          fraction,
          rows + " rows" + (notes.isEmpty() ? "" : ": " + String.join("; ", notes)));
    }
    if (check instanceof Check.Reconcile rec) {
      Double source = number(values.get(r + ".source"));
      Double target = number(values.get(r + ".target"));
      if (source == null || target == null) {
        return fraction(
            rule, 1, 1, 0.0, "a measure is null (source " + source + ", output " + target + ")");
      }
      double diff =
          source == 0
              ? (target == 0 ? 0 : 100)
              : 100.0 * Math.abs(target - source) / Math.abs(source);
      boolean ok = diff <= rec.tolerancePercent();
      double fraction =
          ok
              ? 1.0
              : (Math.signum(source) != Math.signum(target) || source == 0 || target == 0)
                  ? 0.0
                  : Math.min(Math.abs(source), Math.abs(target))
                      / Math.max(Math.abs(source), Math.abs(target));
      return fraction(
          rule,
          1,
          ok ? 0 : 1,
          fraction,
          String.format(
              Locale.ROOT,
              "%s of %s = %s, %s of output = %s (%.4f%% apart, tolerance %s%%)",
              rec.sourceMeasure(),
              rec.against(),
              QualitySpec.plain(source),
              rec.measure(),
              QualitySpec.plain(target),
              diff,
              QualitySpec.plain(rec.tolerancePercent())));
    }
    throw new StrandsException(ErrorCode.INTERNAL_ERROR, "Cannot score rule type " + check.type());
  }

  private static RuleResult of(QualityRule rule, long evaluated, long violations, String detail) {
    return result(
        rule.number(),
        rule.name(),
        rule.check().type(),
        rule.dimension(),
        rule.severity(),
        true,
        evaluated,
        violations,
        rule.threshold(),
        detail);
  }

  private static RuleResult fraction(
      QualityRule rule, long evaluated, long violations, double fraction, String detail) {
    double f = DimensionScores.clamp(fraction);
    return new RuleResult(
        rule.number(),
        rule.name(),
        rule.check().type(),
        rule.dimension(),
        rule.severity(),
        true,
        evaluated,
        violations,
        f,
        rule.threshold(),
        f >= rule.threshold(),
        detail);
  }

  private static RuleResult result(
      int number,
      String name,
      String type,
      QualityDimension dimension,
      RuleSeverity severity,
      boolean declared,
      long evaluated,
      long violations,
      double threshold,
      String detail) {
    Double fraction = evaluated <= 0 ? null : 1.0 - (double) violations / evaluated;
    boolean passed = fraction == null || fraction >= threshold;
    return new RuleResult(
        number,
        name,
        type,
        dimension,
        severity,
        declared,
        Math.max(0, evaluated),
        violations,
        fraction,
        threshold,
        passed,
        detail);
  }

  static List<String> schemaViolations(DatasetDeclaration decl, Map<String, String> actual) {
    List<String> out = new ArrayList<>();
    decl.schema()
        .forEach(
            (column, declared) -> {
              String type = actual.get(column);
              if (type == null) {
                out.add("column " + column + ": declared " + declared + ", absent");
              } else if (!normalType(type).equals(normalType(declared))) {
                out.add("column " + column + ": declared " + declared + ", actual " + type);
              }
            });
    return out;
  }

  static String normalType(String t) {
    String s = t.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    return switch (s) {
      case "integer" -> "int";
      case "long" -> "bigint";
      case "short" -> "smallint";
      case "byte" -> "tinyint";
      case "real" -> "float";
      case "text", "varchar" -> "string";
      case "bool" -> "boolean";
      default -> s;
    };
  }

  static long count(Map<String, Object> values, String id) {
    Object v = values.get(id);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  private static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Double d) {
      return QualitySpec.plain(d);
    }
    return String.valueOf(v);
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s >= 86_400) {
      return String.format(Locale.ROOT, "%.1fd", s / 86_400.0);
    }
    if (s >= 3_600) {
      return String.format(Locale.ROOT, "%.1fh", s / 3_600.0);
    }
    return s >= 60 ? (s / 60) + "m" : s + "s";
  }
}
