package io.strandsetl.quality;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What to measure on one dataset, as Spark SQL aggregate expressions, so the Spark side is a thin
 * executor and the semantics live (and are tested) here.
 *
 * <ul>
 *   <li>{@link #profile()}: ONE aggregation over the rows: row count; per column null and
 *       missing-token counts, approximate distinct count, min / max / mean of numbers, min / max of
 *       dates; per rule violation counts ({@code count_if(...)}) for range, regex, allowed values
 *       and SQL predicates; the newest timestamp for freshness; the output side of reconciliations.
 *   <li>{@link #duplicates()}: ONE more aggregation with distinct counts: exact duplicate rows (a
 *       64-bit hash of every column with a null marker per column) and duplicates of each declared
 *       key or unique rule (exact multi-column {@code count(DISTINCT ...)}).
 *   <li>{@link #joins()}: rules that need their own job: functional dependencies (a group-by),
 *       referential integrity (an anti-join) and the source side of reconciliations (an aggregate
 *       over the source). Their results are stored under {@code r<n>.evaluated}, {@code
 *       r<n>.violations} and {@code r<n>.source}.
 * </ul>
 *
 * @param schema actual column name to Spark SQL type name ({@code simpleString}), in order
 */
public record MeasurePlan(
    String dataset,
    Map<String, String> schema,
    List<String> missingTokens,
    List<Measure> profile,
    List<Measure> duplicates,
    List<QualityRule> joins) {
  public MeasurePlan {
    schema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schema));
    missingTokens = List.copyOf(missingTokens);
    profile = List.copyOf(profile);
    duplicates = List.copyOf(duplicates);
    joins = List.copyOf(joins);
  }

  /** The plan of {@code dataset} with {@code schema}; an unknown column fails naming the rule. */
  public static MeasurePlan of(QualitySpec spec, String dataset, Map<String, String> schema) {
    List<String> columns = new ArrayList<>(schema.keySet());
    List<String> tokens = spec.settings().missingTokens();
    List<Measure> profile = new ArrayList<>();
    profile.add(new Measure("rows", "count(1)"));
    for (int i = 0; i < columns.size(); i++) {
      String c = columns.get(i);
      String type = schema.get(c);
      String q = quote(c);
      profile.add(new Measure("c" + i + ".nulls", "count_if(" + q + " IS NULL)"));
      String token = tokenPredicate(q, type, tokens);
      if (token != null) {
        profile.add(new Measure("c" + i + ".missing", "count_if(" + token + ")"));
      }
      if (spec.settings().approxDistinct() && atomic(type)) {
        profile.add(new Measure("c" + i + ".distinct", "approx_count_distinct(" + q + ")"));
      }
      if (numeric(type)) {
        // aggregate in the column's own type, convert the one result: cheaper than a cast per row
        profile.add(new Measure("c" + i + ".min", "CAST(min(" + q + ") AS DOUBLE)"));
        profile.add(new Measure("c" + i + ".max", "CAST(max(" + q + ") AS DOUBLE)"));
        profile.add(new Measure("c" + i + ".mean", "CAST(avg(" + q + ") AS DOUBLE)"));
      } else if (temporal(type)) {
        profile.add(new Measure("c" + i + ".min", "CAST(min(" + q + ") AS STRING)"));
        profile.add(new Measure("c" + i + ".max", "CAST(max(" + q + ") AS STRING)"));
      }
    }
    List<Measure> duplicates = new ArrayList<>();
    List<String> hashed = new ArrayList<>();
    for (String c : columns) {
      if (hashable(schema.get(c))) {
        hashed.add("isnull(" + quote(c) + "), " + quote(c));
      }
    }
    if (!hashed.isEmpty()) {
      duplicates.add(
          new Measure(
              "distinctRows", "count(DISTINCT xxhash64(" + String.join(", ", hashed) + "))"));
    }
    DatasetDeclaration decl = spec.declaration(dataset);
    for (String k : decl.key()) {
      if (!schema.containsKey(k)) {
        throw new StrandsException(
            ErrorCode.INVALID_PIPELINE,
            "Invalid quality.datasets."
                + dataset
                + ".key: column '"
                + k
                + "' not found (columns: "
                + String.join(", ", columns)
                + ")");
      }
    }
    if (!decl.key().isEmpty()) {
      addKey(duplicates, "key", decl.key());
    }
    List<QualityRule> joins = new ArrayList<>();
    for (QualityRule rule : spec.rulesOf(dataset)) {
      for (String c : rule.check().columns()) {
        if (!schema.containsKey(c)) {
          throw new StrandsException(
              ErrorCode.INVALID_PIPELINE,
              rule.errorPrefix()
                  + "column '"
                  + c
                  + "' not found in '"
                  + dataset
                  + "' (columns: "
                  + String.join(", ", columns)
                  + ")");
        }
      }
      String r = "r" + rule.number();
      Check check = rule.check();
      if (check instanceof Check.Unique u) {
        addKey(duplicates, r, u.columns());
      } else if (check instanceof Check.Range
          || check instanceof Check.Regex
          || check instanceof Check.AllowedValues) {
        String c = quote(check.columns().get(0));
        String present = "NOT " + missingPredicate(c, schema.get(check.columns().get(0)), tokens);
        profile.add(new Measure(r + ".evaluated", "count_if(" + present + ")"));
        profile.add(
            new Measure(
                r + ".violations", "count_if(" + rowViolation(check, schema, tokens) + ")"));
      } else if (check instanceof Check.Freshness f) {
        profile.add(
            new Measure(
                r + ".latest",
                "unix_micros(max(try_cast(" + quote(f.column()) + " AS TIMESTAMP)))"));
      } else if (check instanceof Check.SqlPredicate p) {
        profile.add(new Measure(r + ".evaluated", "count(1)"));
        profile.add(
            new Measure(r + ".violations", "count_if(" + rowViolation(p, schema, tokens) + ")"));
      } else if (check instanceof Check.Reconcile rec) {
        profile.add(new Measure(r + ".target", "CAST(" + rec.measure() + " AS DOUBLE)"));
        joins.add(rule);
      } else if (check instanceof Check.FunctionalDependency || check instanceof Check.References) {
        joins.add(rule);
      }
      // not_null and row_count are read from the profile's per-column and row counts.
    }
    return new MeasurePlan(dataset, schema, tokens, profile, duplicates, joins);
  }

  /**
   * The SQL predicate that is true on a row violating a row-level check (not_null, range, regex,
   * allowed_values, sql), or null for checks that are not row-level. The profile counts rows where
   * it holds; {@code DatasetQuality.violatingRows} returns them.
   */
  public static String rowViolation(Check check, Map<String, String> schema, List<String> tokens) {
    if (check instanceof Check.NotNull n) {
      return n.columns().stream()
          .map(c -> missingPredicate(quote(c), schema.get(c), tokens))
          .collect(Collectors.joining(" OR ", "(", ")"));
    }
    if (check instanceof Check.SqlPredicate p) {
      return "NOT (" + p.predicate() + ")";
    }
    if (check.columns().isEmpty()
        || !(check instanceof Check.Range
            || check instanceof Check.Regex
            || check instanceof Check.AllowedValues)) {
      return null;
    }
    String column = check.columns().get(0);
    String c = quote(column);
    String present = "NOT " + missingPredicate(c, schema.get(column), tokens);
    if (check instanceof Check.Range range) {
      String x = "try_cast(" + c + " AS DOUBLE)";
      List<String> bad = new ArrayList<>();
      bad.add(x + " IS NULL");
      if (range.min() != null) {
        bad.add(x + " < " + range.min());
      }
      if (range.max() != null) {
        bad.add(x + " > " + range.max());
      }
      return "(" + present + " AND (" + String.join(" OR ", bad) + "))";
    }
    if (check instanceof Check.Regex regex) {
      return "("
          + present
          + " AND NOT (CAST("
          + c
          + " AS STRING) RLIKE "
          + literal("^(?:" + regex.pattern() + ")$")
          + "))";
    }
    Check.AllowedValues av = (Check.AllowedValues) check;
    String in = av.values().stream().map(MeasurePlan::literal).collect(Collectors.joining(", "));
    return "(" + present + " AND CAST(" + c + " AS STRING) NOT IN (" + in + "))";
  }

  private static void addKey(List<Measure> out, String id, List<String> key) {
    String all =
        key.stream().map(k -> quote(k) + " IS NOT NULL").collect(Collectors.joining(" AND "));
    String cols = key.stream().map(MeasurePlan::quote).collect(Collectors.joining(", "));
    out.add(new Measure(id + ".evaluated", "count_if(" + all + ")"));
    out.add(new Measure(id + ".distinct", "count(DISTINCT " + cols + ")"));
  }

  /**
   * A SQL predicate true when the column holds no value: null, NaN (floating point) or, for
   * strings, one of the missing tokens (case-insensitive, after trim).
   */
  public static String missingPredicate(String quotedColumn, String type, List<String> tokens) {
    String token = tokenPredicate(quotedColumn, type, tokens);
    return token == null
        ? "(" + quotedColumn + " IS NULL)"
        : "(" + quotedColumn + " IS NULL OR " + token + ")";
  }

  private static String tokenPredicate(String q, String type, List<String> tokens) {
    if (string(type) && !tokens.isEmpty()) {
      String in =
          tokens.stream()
              .map(t -> literal(t.trim().toLowerCase(Locale.ROOT)))
              .distinct()
              .collect(Collectors.joining(", "));
      // lower() copies every value it sees; only values as long as a token (or padded with
      // spaces, rare) can match, so the length test spares the copy on almost all values. Case is
      // folded like lower() does for ASCII; a non-ASCII letter whose lower case has another byte
      // length (rare: the Kelvin sign, dotted I) is not matched.
      String lengths =
          tokens.stream()
              .map(t -> t.trim().toLowerCase(Locale.ROOT))
              .map(t -> String.valueOf(t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length))
              .distinct()
              .collect(Collectors.joining(", "));
      return "(CASE WHEN startswith("
          + q
          + ", ' ') OR endswith("
          + q
          + ", ' ') THEN lower(trim("
          + q
          + ")) IN ("
          + in
          + ") WHEN octet_length("
          + q
          + ") IN ("
          + lengths
          + ") THEN lower("
          + q
          + ") IN ("
          + in
          + ") ELSE false END)";
    }
    if (type.equals("double") || type.equals("float")) {
      return "isnan(" + q + ")";
    }
    return null;
  }

  /** A column name as a Spark SQL identifier. */
  public static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  /** A Spark SQL string literal (backslash escapes are on by default in Spark's parser). */
  public static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static boolean string(String type) {
    return type.equals("string") || type.startsWith("varchar") || type.startsWith("char");
  }

  static boolean numeric(String type) {
    return switch (type) {
      case "tinyint", "smallint", "int", "bigint", "float", "double" -> true;
      default -> type.startsWith("decimal");
    };
  }

  static boolean temporal(String type) {
    return type.equals("date") || type.startsWith("timestamp");
  }

  static boolean atomic(String type) {
    return !(type.startsWith("array") || type.startsWith("map") || type.startsWith("struct"));
  }

  static boolean hashable(String type) {
    return !type.startsWith("map") && !type.contains("map<");
  }
}
