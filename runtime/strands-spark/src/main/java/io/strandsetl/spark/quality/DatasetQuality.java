package io.strandsetl.spark.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.quality.Check;
import io.strandsetl.quality.DatasetReport;
import io.strandsetl.quality.HistoryPoint;
import io.strandsetl.quality.Measure;
import io.strandsetl.quality.MeasurePlan;
import io.strandsetl.quality.QualityReport;
import io.strandsetl.quality.QualityRule;
import io.strandsetl.quality.QualityScorer;
import io.strandsetl.quality.QualitySettings;
import io.strandsetl.quality.QualitySpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;

/**
 * Measures and scores datasets on Spark. The entry points of the Quality agent's tools ({@code
 * profile_dataset}, {@code check_rules}) and of {@link QualityHook}.
 *
 * <p>Jobs per dataset: one aggregation for the profile and the row-level rules, one aggregation
 * with distinct counts for duplicates (only when there are columns to hash), and one job per
 * functional dependency (a group-by on determinant and dependent), per referential-integrity rule
 * (a left join with the referenced keys) and per reconciliation (an aggregate over the source).
 */
public final class DatasetQuality {
  private DatasetQuality() {}

  /**
   * Profiles a file dataset with no rules, including approximate distinct counts per column (which
   * the run hook leaves out by default for speed).
   */
  public static DatasetReport profile(SparkSession spark, String path, String format) {
    return check(spark, path, format, Map.of(), true).datasets().get(0);
  }

  /**
   * Checks a file dataset against a {@code quality:} section whose rules may omit {@code dataset}
   * (they apply to this one, named after the last path segment).
   */
  public static QualityReport checkRules(
      SparkSession spark, String path, String format, Map<String, Object> section) {
    return check(spark, path, format, section, false);
  }

  private static QualityReport check(
      SparkSession spark,
      String path,
      String format,
      Map<String, Object> section,
      boolean approxDistinct) {
    Dataset<Row> rows = read(spark, path, format);
    String name = datasetName(path);
    QualitySettings settings =
        QualitySettings.from(
            Settings.of(Map.of("quality.profile.approx-distinct", String.valueOf(approxDistinct))));
    QualitySpec spec = QualitySpec.parse(section, settings, null, null, name);
    Instant now = Instant.now();
    DatasetReport report = assess(name, rows, "output", spec, Map.of(name, rows), List.of(), now);
    return QualityReport.of(
        name, "adhoc", now, List.of(report), spec.settings().weights(), List.of());
  }

  /** Reads a dataset: csv with a header and inferred types, other formats as they are. */
  public static Dataset<Row> read(SparkSession spark, String path, String format) {
    String f = format.toLowerCase(Locale.ROOT);
    try {
      var reader = spark.read().format(f);
      if (f.equals("csv")) {
        reader = reader.option("header", "true").option("inferSchema", "true");
      }
      return reader.load(path);
    } catch (Exception e) { // AnalysisException is checked in Scala terms but undeclared
      throw new StrandsException(
          ErrorCode.PATH_NOT_FOUND,
          "Cannot read " + format + " dataset " + path + ": " + oneLine(e));
    }
  }

  /**
   * Measures and scores one dataset.
   *
   * @param others datasets that references and reconciliations may name (sources and outputs)
   * @param history earlier points of this dataset, oldest first
   */
  public static DatasetReport assess(
      String name,
      Dataset<Row> rows,
      String role,
      QualitySpec spec,
      Map<String, Dataset<Row>> others,
      List<HistoryPoint> history,
      Instant now) {
    MeasurePlan plan = MeasurePlan.of(spec, name, schema(rows));
    Map<String, Object> values = measure(rows, plan, spec, others);
    return QualityScorer.score(spec, plan, values, role, history, now);
  }

  /** Column name to Spark SQL type name, in order. */
  public static Map<String, String> schema(Dataset<Row> rows) {
    Map<String, String> out = new LinkedHashMap<>();
    for (StructField f : rows.schema().fields()) {
      out.put(f.name(), f.dataType().simpleString());
    }
    return out;
  }

  /** Runs the plan: the profile aggregation, the duplicates aggregation, one job per join rule. */
  static Map<String, Object> measure(
      Dataset<Row> rows, MeasurePlan plan, QualitySpec spec, Map<String, Dataset<Row>> others) {
    for (QualityRule rule : spec.rulesOf(plan.dataset())) {
      analyseUserSql(rows, rule, others);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    aggregate(rows, plan.profile(), values);
    if (!plan.duplicates().isEmpty()) {
      aggregate(rows, plan.duplicates(), values);
    }
    for (QualityRule rule : plan.joins()) {
      String r = "r" + rule.number();
      Check check = rule.check();
      if (check instanceof Check.FunctionalDependency fd) {
        Row counts =
            dependencyGroups(rows, fd.determinant(), fd.dependent(), plan)
                .agg(
                    sum(col("__n")).as("evaluated"),
                    sum(when(col("__kept"), lit(0L)).otherwise(col("__n"))).as("violations"))
                .first();
        values.put(r + ".evaluated", counts.isNullAt(0) ? 0L : counts.getLong(0));
        values.put(r + ".violations", counts.isNullAt(1) ? 0L : counts.getLong(1));
      } else if (check instanceof Check.References ref) {
        Dataset<Row> target = other(others, ref.refDataset(), rule);
        Column present = lit(true);
        for (String c : ref.columns()) {
          present = present.and(col(c).isNotNull());
        }
        List<Column> keys = new ArrayList<>();
        for (int i = 0; i < ref.refColumns().size(); i++) {
          keys.add(col(ref.refColumns().get(i)).as("__ref" + i));
        }
        Dataset<Row> known =
            target.select(keys.toArray(Column[]::new)).distinct().withColumn("__hit", lit(true));
        Column on = lit(true);
        for (int i = 0; i < ref.columns().size(); i++) {
          on = on.and(col(ref.columns().get(i)).equalTo(known.col("__ref" + i)));
        }
        Row counts =
            rows.filter(present)
                .join(known, on, "left")
                .agg(count(lit(1)), sum(when(col("__hit").isNull(), 1L).otherwise(0L)))
                .first();
        values.put(r + ".evaluated", counts.getLong(0));
        values.put(r + ".violations", counts.isNullAt(1) ? 0L : counts.getLong(1));
      } else if (check instanceof Check.Reconcile rec) {
        Dataset<Row> source = other(others, rec.against(), rule);
        Row v = source.agg(expr("CAST(" + rec.sourceMeasure() + " AS DOUBLE)")).first();
        values.put(r + ".source", v.isNullAt(0) ? null : v.getDouble(0));
      }
    }
    return values;
  }

  /**
   * The rows that violate {@code determinant -> dependent}: those whose dependent value is not the
   * most frequent one of their determinant group (ties broken by the smaller value), among rows
   * whose determinant is present. Their number is the rule's violation count.
   */
  public static Dataset<Row> dependencyViolations(
      Dataset<Row> rows, List<String> determinant, String dependent, List<String> missingTokens) {
    Map<String, String> schema = schema(rows);
    MeasurePlan plan =
        new MeasurePlan("rows", schema, missingTokens, List.of(), List.of(), List.of());
    Dataset<Row> groups =
        dependencyGroups(rows, determinant, dependent, plan).filter(col("__kept").equalTo(false));
    Column on = lit(true);
    for (String c : determinant) {
      on = on.and(rows.col(c).eqNullSafe(groups.col(c)));
    }
    on = on.and(rows.col(dependent).eqNullSafe(groups.col(dependent)));
    return rows.join(groups, on, "left_semi");
  }

  /**
   * The rows that violate a rule of {@code spec}: row-level rules by their violation predicate,
   * functional dependencies as {@link #dependencyViolations}. Used to locate errors (evaluation,
   * masked samples); counting uses the same predicates.
   */
  public static Dataset<Row> violatingRows(Dataset<Row> rows, QualityRule rule, QualitySpec spec) {
    List<String> tokens = spec.settings().missingTokens();
    if (rule.check() instanceof Check.FunctionalDependency fd) {
      return dependencyViolations(rows, fd.determinant(), fd.dependent(), tokens);
    }
    String predicate = MeasurePlan.rowViolation(rule.check(), schema(rows), tokens);
    if (predicate == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          rule.errorPrefix() + "not a row-level rule (" + rule.check().type() + ")");
    }
    return rows.filter(expr(predicate));
  }

  /** (determinant..., dependent, __n rows, __kept) per group, determinant present. */
  private static Dataset<Row> dependencyGroups(
      Dataset<Row> rows, List<String> determinant, String dependent, MeasurePlan plan) {
    Column present = lit(true);
    for (String c : determinant) {
      present =
          present.and(
              expr(
                  "NOT "
                      + MeasurePlan.missingPredicate(
                          MeasurePlan.quote(c), plan.schema().get(c), plan.missingTokens())));
    }
    List<Column> keys = new ArrayList<>();
    for (String c : determinant) {
      keys.add(col(c));
    }
    List<Column> groupCols = new ArrayList<>(keys);
    groupCols.add(col(dependent));
    Dataset<Row> counted =
        rows.filter(present).groupBy(groupCols.toArray(Column[]::new)).agg(count(lit(1)).as("__n"));
    var window =
        Window.partitionBy(keys.toArray(Column[]::new))
            .orderBy(col("__n").desc(), col(dependent).asc_nulls_last());
    return counted.withColumn("__kept", row_number().over(window).equalTo(1));
  }

  /**
   * Runs {@code measures} as ONE aggregation (one Spark job over the rows) into {@code out}: Long,
   * Double or String values by measure id.
   */
  public static void aggregate(Dataset<Row> rows, List<Measure> measures, Map<String, Object> out) {
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < measures.size(); i++) {
      cols.add(expr(measures.get(i).sql()).as("m" + i));
    }
    Row row = rows.agg(cols.get(0), cols.subList(1, cols.size()).toArray(Column[]::new)).first();
    for (int i = 0; i < measures.size(); i++) {
      Object v = row.isNullAt(i) ? null : row.get(i);
      if (v instanceof java.math.BigDecimal d) {
        v = d.doubleValue();
      } else if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Long)) {
        v = n.longValue();
      } else if (v != null && !(v instanceof Number)) {
        v = v.toString();
      }
      out.put(measures.get(i).id(), v);
    }
  }

  /** Analyses (runs nothing) the SQL a rule brings, so a bad expression names its rule. */
  private static void analyseUserSql(
      Dataset<Row> rows, QualityRule rule, Map<String, Dataset<Row>> others) {
    try {
      if (rule.check() instanceof Check.SqlPredicate p) {
        rows.agg(expr("count_if(NOT (" + p.predicate() + "))")).schema();
      } else if (rule.check() instanceof Check.Reconcile rec) {
        rows.agg(expr("CAST(" + rec.measure() + " AS DOUBLE)")).schema();
        other(others, rec.against(), rule)
            .agg(expr("CAST(" + rec.sourceMeasure() + " AS DOUBLE)"))
            .schema();
      }
    } catch (StrandsException e) {
      throw e;
    } catch (Exception e) { // Spark's AnalysisException / ParseException, undeclared
      if (e instanceof AnalysisException || e.getClass().getSimpleName().contains("Parse")) {
        throw new StrandsException(
            ErrorCode.INVALID_PIPELINE, rule.errorPrefix() + "SQL does not analyse: " + oneLine(e));
      }
      throw e;
    }
  }

  private static Dataset<Row> other(
      Map<String, Dataset<Row>> others, String name, QualityRule rule) {
    Dataset<Row> d = others.get(name);
    if (d == null) {
      throw new StrandsException(
          ErrorCode.INVALID_PIPELINE,
          rule.errorPrefix()
              + "dataset '"
              + name
              + "' is not available here (available: "
              + others.keySet()
              + ")");
    }
    return d;
  }

  static String datasetName(String path) {
    Path p = Path.of(path.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "/"));
    Path file = p.getFileName();
    return file == null ? "dataset" : file.toString().replaceFirst("\\.[A-Za-z0-9]+$", "");
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
