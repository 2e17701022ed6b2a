package io.strandsetl.quality;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SinkSpec;
import io.strandsetl.model.pipeline.SourceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The typed {@code quality:} section of a pipeline, merged over the {@code quality.*} settings.
 * Every problem of the section is reported at once in one {@link StrandsException} ({@code
 * INVALID_PIPELINE}), each naming the key or the rule, e.g. {@code Invalid quality rule 3
 * (orders.amount range): min 10 > max 5}.
 *
 * @param datasets declarations by dataset name (sources and sinks), insertion-ordered
 * @param rules in declaration order
 */
public record QualitySpec(
    QualitySettings settings, Map<String, DatasetDeclaration> datasets, List<QualityRule> rules) {
  static final List<String> TOP_KEYS =
      List.of("missing_tokens", "weights", "pre_run", "post_run", "anomaly", "datasets", "rules");
  static final List<String> COMMON_RULE_KEYS =
      List.of("type", "dataset", "name", "threshold", "severity", "dimension");
  static final Map<String, List<String>> RULE_KEYS = new LinkedHashMap<>();

  static {
    RULE_KEYS.put("not_null", List.of("column", "columns"));
    RULE_KEYS.put("unique", List.of("column", "columns"));
    RULE_KEYS.put("range", List.of("column", "min", "max"));
    RULE_KEYS.put("regex", List.of("column", "pattern"));
    RULE_KEYS.put("allowed_values", List.of("column", "values"));
    RULE_KEYS.put("freshness", List.of("column", "max_age"));
    RULE_KEYS.put("references", List.of("column", "columns", "ref_dataset", "ref_columns"));
    RULE_KEYS.put("row_count", List.of("min", "max", "max_change_percent"));
    RULE_KEYS.put("functional_dependency", List.of("determinant", "dependent"));
    RULE_KEYS.put("sql", List.of("predicate"));
    RULE_KEYS.put(
        "reconcile", List.of("against", "source_measure", "measure", "tolerance_percent"));
  }

  public QualitySpec {
    java.util.Objects.requireNonNull(settings, "settings");
    datasets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    rules = List.copyOf(rules);
  }

  /** Declarations of {@code dataset}, or none. */
  public DatasetDeclaration declaration(String dataset) {
    return datasets.getOrDefault(dataset, DatasetDeclaration.none());
  }

  /** Rules of {@code dataset} in declaration order. */
  public List<QualityRule> rulesOf(String dataset) {
    return rules.stream().filter(r -> r.dataset().equals(dataset)).toList();
  }

  /** True when the section declares something about sources (so the pre-run gate has work). */
  public boolean checksAny(Collection<String> datasetNames) {
    return datasetNames.stream().anyMatch(n -> !rulesOf(n).isEmpty() || datasets.containsKey(n));
  }

  /** The section of {@code spec}, rules checked against its source and sink names. */
  public static QualitySpec forPipeline(PipelineSpec spec, QualitySettings settings) {
    Set<String> sources = new LinkedHashSet<>();
    for (SourceSpec s : spec.sources()) {
      sources.add(s.name());
    }
    Set<String> sinks = new LinkedHashSet<>();
    for (SinkSpec s : spec.sinks()) {
      sinks.add(s.name());
    }
    return parse(spec.quality(), settings, sources, sinks, null);
  }

  /**
   * Parses a raw section.
   *
   * @param sources known source names, or null to accept any dataset name
   * @param sinks known sink names, or null to accept any dataset name
   * @param defaultDataset the dataset of rules without {@code dataset}, or null to require it
   */
  public static QualitySpec parse(
      Map<String, Object> section,
      QualitySettings settings,
      Set<String> sources,
      Set<String> sinks,
      String defaultDataset) {
    return new Parser(settings, sources, sinks, defaultDataset).parse(section);
  }

  /** Durations as {@code 36h}, {@code 2d}, {@code 90m}, {@code 45s} or ISO-8601 ({@code PT2H}). */
  static Duration duration(String raw) {
    Matcher m = Pattern.compile("(\\d+)\\s*([smhd])").matcher(raw.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    return Duration.parse(raw.trim().toUpperCase(Locale.ROOT));
  }

  private static final class Parser {
    private final QualitySettings base;
    private final Set<String> sources;
    private final Set<String> sinks;
    private final String defaultDataset;
    private final List<String> problems = new ArrayList<>();

    Parser(QualitySettings base, Set<String> sources, Set<String> sinks, String defaultDataset) {
      this.base = base;
      this.sources = sources;
      this.sinks = sinks;
      this.defaultDataset = defaultDataset;
    }

    QualitySpec parse(Map<String, Object> section) {
      Map<String, Object> s = section == null ? Map.of() : section;
      unknownKeys(s, TOP_KEYS, "Invalid quality key");
      List<String> tokens = base.missingTokens();
      if (s.containsKey("missing_tokens")) {
        tokens = strings(s.get("missing_tokens"), "Invalid quality.missing_tokens: ");
      }
      Map<QualityDimension, Double> weights = new EnumMap<>(base.weights());
      if (s.get("weights") instanceof Map<?, ?> w) {
        w.forEach(
            (k, v) -> {
              QualityDimension d = QualityDimension.fromKey(String.valueOf(k));
              Double n = number(v);
              if (d == null) {
                problems.add(
                    "Invalid quality.weights key: '" + k + "' (known: " + dimensionKeys() + ")");
              } else if (n == null || n < 0) {
                problems.add(
                    "Invalid quality.weights." + k + ": " + v + " (must be a number >= 0)");
              } else {
                weights.put(d, n);
              }
            });
      } else if (s.containsKey("weights")) {
        problems.add("Invalid quality.weights: " + s.get("weights") + " (must be a mapping)");
      }
      Double pre = gate(s, "pre_run", base.preRunMinScore());
      Double post = gate(s, "post_run", base.postRunMinScore());
      AnomalyPolicy anomaly = anomaly(s.get("anomaly"), base.anomaly());
      Map<String, DatasetDeclaration> datasets = datasets(s.get("datasets"));
      List<QualityRule> rules = new ArrayList<>();
      Object rawRules = s.get("rules");
      if (rawRules instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          QualityRule r = rule(i + 1, list.get(i));
          if (r != null) {
            rules.add(r);
          }
        }
      } else if (rawRules != null) {
        problems.add("Invalid quality.rules: must be a list of rules");
      }
      if (!problems.isEmpty()) {
        throw new StrandsException(ErrorCode.INVALID_PIPELINE, String.join("; ", problems));
      }
      QualitySettings merged =
          new QualitySettings(
              tokens, weights, pre, post, anomaly, base.approxDistinct(), base.historyDir());
      return new QualitySpec(merged, datasets, rules);
    }

    private Double gate(Map<String, Object> s, String key, Double fallback) {
      Object raw = s.get(key);
      if (raw == null) {
        return fallback;
      }
      if (!(raw instanceof Map<?, ?> m)) {
        problems.add(
            "Invalid quality." + key + ": " + raw + " (must be a mapping: {min_score: 0.9})");
        return fallback;
      }
      unknownKeys(m, List.of("min_score"), "Invalid quality." + key + " key");
      Double v = number(m.get("min_score"));
      if (m.get("min_score") != null && (v == null || v < 0 || v > 1)) {
        problems.add(
            "Invalid quality."
                + key
                + ".min_score: "
                + m.get("min_score")
                + " (must be a fraction in [0, 1])");
        return fallback;
      }
      return v == null ? fallback : v;
    }

    private AnomalyPolicy anomaly(Object raw, AnomalyPolicy fallback) {
      if (raw == null) {
        return fallback;
      }
      if (!(raw instanceof Map<?, ?> m)) {
        problems.add("Invalid quality.anomaly: " + raw + " (must be a mapping)");
        return fallback;
      }
      unknownKeys(
          m, List.of("window", "k", "max_drop", "min_history"), "Invalid quality.anomaly key");
      try {
        return new AnomalyPolicy(
            intOr(m.get("window"), fallback.window()),
            doubleOr(m.get("k"), fallback.k()),
            doubleOr(m.get("max_drop"), fallback.maxDrop()),
            intOr(m.get("min_history"), fallback.minHistory()));
      } catch (IllegalArgumentException e) {
        problems.add("Invalid quality.anomaly: " + m + " (" + e.getMessage() + ")");
        return fallback;
      }
    }

    private Map<String, DatasetDeclaration> datasets(Object raw) {
      Map<String, DatasetDeclaration> out = new LinkedHashMap<>();
      if (raw == null) {
        return out;
      }
      if (!(raw instanceof Map<?, ?> m)) {
        problems.add(
            "Invalid quality.datasets: must be a mapping of dataset name to {key, schema}");
        return out;
      }
      m.forEach(
          (name, value) -> {
            String label = "Invalid quality.datasets." + name;
            knownDataset(String.valueOf(name), label + ": ");
            if (!(value instanceof Map<?, ?> d)) {
              problems.add(label + ": must be a mapping with key and/or schema");
              return;
            }
            unknownKeys(d, List.of("key", "schema"), label + " key");
            List<String> key =
                d.containsKey("key") ? strings(d.get("key"), label + ".key: ") : List.of();
            Map<String, String> schema = new LinkedHashMap<>();
            if (d.get("schema") instanceof Map<?, ?> sm) {
              sm.forEach(
                  (c, t) ->
                      schema.put(
                          String.valueOf(c), String.valueOf(t).trim().toLowerCase(Locale.ROOT)));
            } else if (d.containsKey("schema")) {
              problems.add(label + ".schema: must be a mapping of column to type");
            }
            out.put(String.valueOf(name), new DatasetDeclaration(key, schema));
          });
      return out;
    }

    private QualityRule rule(int number, Object raw) {
      if (!(raw instanceof Map<?, ?> m)) {
        problems.add(
            "Invalid quality rule " + number + ": " + raw + " (must be a mapping with a type)");
        return null;
      }
      Object typeRaw = m.get("type");
      String type = typeRaw == null ? null : String.valueOf(typeRaw);
      if ("fd".equals(type)) {
        type = "functional_dependency";
      }
      String dataset = m.get("dataset") == null ? defaultDataset : String.valueOf(m.get("dataset"));
      Object column = m.get("column") != null ? m.get("column") : m.get("columns");
      if ("functional_dependency".equals(type) && m.get("dependent") != null) {
        column = m.get("dependent");
      }
      String label =
          m.get("name") != null
              ? String.valueOf(m.get("name"))
              : (dataset == null ? "?" : dataset)
                  + (column instanceof String c ? "." + c : "")
                  + " "
                  + (type == null ? "?" : type);
      String prefix = "Invalid quality rule " + number + " (" + label + "): ";
      if (type == null || !RULE_KEYS.containsKey(type)) {
        problems.add(prefix + "type '" + typeRaw + "' (known: " + RULE_KEYS.keySet() + ")");
        return null;
      }
      List<String> allowed = new ArrayList<>(COMMON_RULE_KEYS);
      allowed.addAll(RULE_KEYS.get(type));
      int before = problems.size();
      unknownKeys(m, allowed, prefix + "unknown key");
      if (dataset == null) {
        problems.add(prefix + "missing 'dataset' (a source or sink name)");
      } else {
        knownDataset(dataset, prefix);
      }
      double threshold = 1.0;
      if (m.get("threshold") != null) {
        Double t = number(m.get("threshold"));
        if (t == null || t < 0 || t > 1) {
          problems.add(
              prefix + "threshold " + m.get("threshold") + " (must be a fraction in [0, 1])");
        } else {
          threshold = t;
        }
      }
      RuleSeverity severity = RuleSeverity.WARNING;
      if (m.get("severity") != null) {
        try {
          severity =
              RuleSeverity.valueOf(String.valueOf(m.get("severity")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problems.add(
              prefix + "severity '" + m.get("severity") + "' (known: [warning, critical])");
        }
      }
      Check check = check(type, m, prefix);
      QualityDimension dimension = check == null ? null : check.defaultDimension();
      if (m.get("dimension") != null) {
        dimension = QualityDimension.fromKey(String.valueOf(m.get("dimension")));
        if (dimension == null) {
          problems.add(
              prefix + "dimension '" + m.get("dimension") + "' (known: " + dimensionKeys() + ")");
        }
      }
      if (check == null || dimension == null || problems.size() > before) {
        return null;
      }
      return new QualityRule(number, label, dataset, check, dimension, threshold, severity);
    }

    private Check check(String type, Map<?, ?> m, String prefix) {
      switch (type) {
        case "not_null":
          return new Check.NotNull(columns(m, prefix));
        case "unique":
          return new Check.Unique(columns(m, prefix));
        case "range":
          {
            String c = column(m, prefix);
            Double min = optionalNumber(m, "min", prefix);
            Double max = optionalNumber(m, "max", prefix);
            if (m.get("min") == null && m.get("max") == null) {
              problems.add(prefix + "give min and/or max");
              return null;
            }
            if (min != null && max != null && min > max) {
              problems.add(prefix + "min " + plain(min) + " > max " + plain(max));
              return null;
            }
            return c == null ? null : new Check.Range(c, min, max);
          }
        case "regex":
          {
            String c = column(m, prefix);
            String p = requiredText(m, "pattern", prefix);
            if (p != null) {
              try {
                Pattern.compile(p);
              } catch (PatternSyntaxException e) {
                problems.add(prefix + "pattern " + p + " (" + e.getDescription() + ")");
                return null;
              }
            }
            return c == null || p == null ? null : new Check.Regex(c, p);
          }
        case "allowed_values":
          {
            String c = column(m, prefix);
            if (!(m.get("values") instanceof List<?> vs) || vs.isEmpty()) {
              problems.add(prefix + "'values' must be a non-empty list");
              return null;
            }
            List<String> values = vs.stream().map(String::valueOf).toList();
            return c == null ? null : new Check.AllowedValues(c, values);
          }
        case "freshness":
          {
            String c = column(m, prefix);
            String raw = requiredText(m, "max_age", prefix);
            if (raw == null) {
              return null;
            }
            Duration d;
            try {
              d = duration(raw);
            } catch (RuntimeException e) {
              problems.add(prefix + "max_age " + raw + " (expected 36h, 2d, 90m or PT2H)");
              return null;
            }
            if (d.isNegative() || d.isZero()) {
              problems.add(prefix + "max_age " + raw + " (must be positive)");
              return null;
            }
            return c == null ? null : new Check.Freshness(c, d);
          }
        case "references":
          {
            List<String> cols = columns(m, prefix);
            String ref = requiredText(m, "ref_dataset", prefix);
            if (ref != null) {
              knownDataset(ref, prefix + "ref_dataset ");
            }
            List<String> refCols =
                m.get("ref_columns") == null
                    ? cols
                    : strings(m.get("ref_columns"), prefix + "ref_columns ");
            if (refCols.size() != cols.size()) {
              problems.add(prefix + "ref_columns " + refCols + " must pair with columns " + cols);
              return null;
            }
            return ref == null || cols.isEmpty() ? null : new Check.References(cols, ref, refCols);
          }
        case "row_count":
          {
            Double min = optionalNumber(m, "min", prefix);
            Double max = optionalNumber(m, "max", prefix);
            Double change = optionalNumber(m, "max_change_percent", prefix);
            if (min == null && max == null && change == null) {
              problems.add(prefix + "give min, max and/or max_change_percent");
              return null;
            }
            if (min != null && max != null && min > max) {
              problems.add(prefix + "min " + plain(min) + " > max " + plain(max));
              return null;
            }
            if ((min != null && min < 0) || (change != null && change < 0)) {
              problems.add(prefix + "min and max_change_percent must be >= 0");
              return null;
            }
            return new Check.RowCount(
                min == null ? null : min.longValue(), max == null ? null : max.longValue(), change);
          }
        case "functional_dependency":
          {
            if (m.get("determinant") == null) {
              problems.add(prefix + "missing 'determinant' (column or list of columns)");
              return null;
            }
            List<String> det = strings(m.get("determinant"), prefix + "determinant ");
            String dep = requiredText(m, "dependent", prefix);
            if (dep != null && det.contains(dep)) {
              problems.add(prefix + "dependent '" + dep + "' is also a determinant");
              return null;
            }
            return dep == null || det.isEmpty() ? null : new Check.FunctionalDependency(det, dep);
          }
        case "sql":
          {
            String p = requiredText(m, "predicate", prefix);
            return p == null ? null : new Check.SqlPredicate(p);
          }
        case "reconcile":
          {
            String against = requiredText(m, "against", prefix);
            if (against != null && sources != null && !sources.contains(against)) {
              problems.add(
                  prefix + "against '" + against + "' is not a source (sources: " + sources + ")");
              return null;
            }
            String sourceMeasure = textOr(m, "source_measure", "count(*)");
            String measure = textOr(m, "measure", "count(*)");
            Double tol = optionalNumber(m, "tolerance_percent", prefix);
            if (tol != null && tol < 0) {
              problems.add(prefix + "tolerance_percent " + plain(tol) + " (must be >= 0)");
              return null;
            }
            return against == null
                ? null
                : new Check.Reconcile(against, sourceMeasure, measure, tol == null ? 0.0 : tol);
          }
        default:
          return null;
      }
    }

    private String column(Map<?, ?> m, String prefix) {
      return requiredText(m, "column", prefix);
    }

    private List<String> columns(Map<?, ?> m, String prefix) {
      Object raw = m.get("columns") != null ? m.get("columns") : m.get("column");
      if (raw == null) {
        problems.add(prefix + "missing 'column' or 'columns'");
        return List.of();
      }
      List<String> cols = strings(raw, prefix + "columns ");
      if (cols.isEmpty()) {
        problems.add(prefix + "'columns' must not be empty");
      }
      return cols;
    }

    private String requiredText(Map<?, ?> m, String key, String prefix) {
      Object v = m.get(key);
      if (v == null || String.valueOf(v).isBlank() || v instanceof Map || v instanceof List) {
        problems.add(prefix + "missing '" + key + "'");
        return null;
      }
      return String.valueOf(v);
    }

    private static String textOr(Map<?, ?> m, String key, String fallback) {
      Object v = m.get(key);
      return v == null || String.valueOf(v).isBlank() ? fallback : String.valueOf(v);
    }

    private Double optionalNumber(Map<?, ?> m, String key, String prefix) {
      Object v = m.get(key);
      if (v == null) {
        return null;
      }
      Double n = number(v);
      if (n == null) {
        problems.add(prefix + key + " " + v + " (must be a number)");
      }
      return n;
    }

    private void knownDataset(String name, String prefix) {
      if (sources == null || sinks == null) {
        return;
      }
      if (!sources.contains(name) && !sinks.contains(name)) {
        problems.add(
            prefix
                + "dataset '"
                + name
                + "' is neither a source nor a sink (sources: "
                + sources
                + ", sinks: "
                + sinks
                + ")");
      }
    }

    private List<String> strings(Object raw, String prefix) {
      if (raw instanceof List<?> l) {
        List<String> out = new ArrayList<>();
        for (Object o : l) {
          if (o == null || o instanceof Map || o instanceof List) {
            problems.add(prefix + raw + " (must be a list of names)");
            return List.of();
          }
          out.add(String.valueOf(o));
        }
        return out;
      }
      if (raw == null || raw instanceof Map) {
        problems.add(prefix + raw + " (must be a name or a list of names)");
        return List.of();
      }
      return List.of(String.valueOf(raw));
    }

    private void unknownKeys(Map<?, ?> m, List<String> allowed, String prefix) {
      for (Object k : m.keySet()) {
        if (!allowed.contains(String.valueOf(k))) {
          problems.add(prefix + ": '" + k + "' (known: " + allowed + ")");
        }
      }
    }

    private static String dimensionKeys() {
      return java.util.Arrays.stream(QualityDimension.values())
          .map(QualityDimension::key)
          .toList()
          .toString();
    }

    private static int intOr(Object v, int fallback) {
      Double n = number(v);
      return n == null ? fallback : n.intValue();
    }

    private static double doubleOr(Object v, double fallback) {
      Double n = number(v);
      return n == null ? fallback : n;
    }
  }

  static Double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** 10 rather than 10.0, for messages. */
  static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
