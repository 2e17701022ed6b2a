package io.strandsetl.spark.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.quality.DatasetReport;
import io.strandsetl.quality.QualityDimension;
import io.strandsetl.quality.QualityRule;
import io.strandsetl.quality.QualitySettings;
import io.strandsetl.quality.QualitySpec;
import io.strandsetl.testkit.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluation on the Raha/Baran benchmark in {@code ../shared/data/dq} (skipped when absent): each
 * dirty set scores lower than its clean twin in the dimension its errors belong to, and the rules
 * (the benchmark's functional dependencies plus declared formats) locate erroneous cells with a
 * measured cell-level precision and recall. The table goes to target/dq-evaluation.md and into
 * docs/quality.md.
 */
class DirtyDataEvaluationTest {
  private static final String ROW = "__row";
  private static final Path TABLE = Path.of("target", "dq-evaluation.md");

  @org.junit.jupiter.api.AfterAll
  static void stopSpark() {
    SparkTests.stop();
  }

  static Stream<Arguments> datasets() {
    return Stream.of(
        Arguments.of(
            "hospital",
            QualityDimension.CONSISTENCY,
            List.<Map<String, Object>>of(
                Map.of("type", "regex", "column", "ZipCode", "pattern", "\\d{5}"),
                Map.of("type", "regex", "column", "PhoneNumber", "pattern", "\\d{10}"),
                Map.of("type", "regex", "column", "ProviderNumber", "pattern", "\\d+"),
                Map.of("type", "regex", "column", "State", "pattern", "[A-Za-z]{2}"),
                Map.of(
                    "type",
                    "allowed_values",
                    "column",
                    "EmergencyService",
                    "values",
                    List.of("yes", "no")))),
        Arguments.of(
            "flights",
            QualityDimension.CONSISTENCY,
            Stream.of("sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time")
                .<Map<String, Object>>map(
                    c ->
                        Map.of(
                            "type", "regex", "column", c, "pattern", "\\d{1,2}:\\d{2} [ap]\\.m\\."))
                .toList()),
        Arguments.of(
            "beers",
            QualityDimension.VALIDITY,
            List.<Map<String, Object>>of(
                Map.of("type", "regex", "column", "id", "pattern", "\\d+"),
                Map.of("type", "range", "column", "ounces", "min", 0),
                Map.of("type", "range", "column", "abv", "min", 0, "max", 1),
                Map.of("type", "range", "column", "ibu", "min", 0),
                Map.of("type", "regex", "column", "brewery_id", "pattern", "\\d+"),
                Map.of("type", "regex", "column", "state", "pattern", "[A-Za-z]{2}"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void dirtyTwinScoresLowerInItsErrorsDimensionAndRulesLocateErroneousCells(
      String name, QualityDimension dimension, List<Map<String, Object>> formatRules)
      throws Exception {
    Path dq = SharedData.data("dq");
    List<List<String>> dirty;
    List<List<String>> clean;
    Path fdFile;
    if (name.equals("flights")) {
      dirty = csv(dq.resolve("spark-data-repair-plugin_raha/flights.csv"));
      clean =
          wideFromLong(dirty, csv(dq.resolve("spark-data-repair-plugin_raha/flights_clean.csv")));
      fdFile = dq.resolve("automatic-data-repair/flights/dc_rules-validate-fd-horizon.txt");
    } else {
      dirty = csv(dq.resolve("automatic-data-repair/" + name + "/dirty.csv"));
      clean = csv(dq.resolve("automatic-data-repair/" + name + "/clean.csv"));
      fdFile = dq.resolve("automatic-data-repair/" + name + "/dc_rules-validate-fd-horizon.txt");
    }
    assertThat(dirty).hasSameSizeAs(clean);
    List<String> header = dirty.get(0);
    List<Map<String, Object>> rules = new ArrayList<>();
    for (String line : Files.readAllLines(fdFile, StandardCharsets.UTF_8)) {
      String[] parts = line.split("⇒");
      if (parts.length == 2) {
        rules.add(
            Map.of("type", "fd", "determinant", parts[0].trim(), "dependent", parts[1].trim()));
      }
    }
    int fdCount = rules.size();
    rules.addAll(formatRules);
    QualitySpec spec =
        QualitySpec.parse(Map.of("rules", rules), QualitySettings.defaults(), null, null, name);

    SparkSession spark = SparkTests.session();
    Dataset<Row> dirtyRows = frame(spark, dirty);
    Dataset<Row> cleanRows = frame(spark, clean);
    Instant now = Instant.now();
    DatasetReport dirtyReport =
        DatasetQuality.assess(name, dirtyRows.drop(ROW), "output", spec, Map.of(), List.of(), now);
    DatasetReport cleanReport =
        DatasetQuality.assess(name, cleanRows.drop(ROW), "output", spec, Map.of(), List.of(), now);

    // Erroneous cells: the benchmark's definition, dirty differs from clean.
    Set<String> errors = new HashSet<>();
    for (int r = 1; r < dirty.size(); r++) {
      for (int c = 0; c < header.size(); c++) {
        if (!dirty.get(r).get(c).equals(clean.get(r).get(c))) {
          errors.add((r - 1) + "/" + header.get(c));
        }
      }
    }
    Set<String> flagged = new HashSet<>();
    Set<String> flaggedByFd = new HashSet<>();
    for (QualityRule rule : spec.rules()) {
      String column = rule.check().columns().get(rule.check().columns().size() - 1);
      for (Row row :
          DatasetQuality.violatingRows(dirtyRows, rule, spec).select(ROW).collectAsList()) {
        String cell = row.getLong(0) + "/" + column;
        flagged.add(cell);
        if (rule.number() <= fdCount) {
          flaggedByFd.add(cell);
        }
      }
    }
    long hits = flagged.stream().filter(errors::contains).count();
    long fdHits = flaggedByFd.stream().filter(errors::contains).count();
    double precision = flagged.isEmpty() ? 0 : (double) hits / flagged.size();
    double recall = errors.isEmpty() ? 0 : (double) hits / errors.size();
    double fdPrecision = flaggedByFd.isEmpty() ? 0 : (double) fdHits / flaggedByFd.size();
    double fdRecall = errors.isEmpty() ? 0 : (double) fdHits / errors.size();
    String line =
        String.format(
            Locale.ROOT,
            "| %s | %d x %d | %d | %d FD + %d format | %s | %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
            name,
            dirty.size() - 1,
            header.size(),
            errors.size(),
            fdCount,
            formatRules.size(),
            scores(cleanReport),
            scores(dirtyReport),
            flagged.size(),
            fdPrecision,
            fdRecall,
            precision,
            recall);
    Files.createDirectories(TABLE.getParent());
    Files.writeString(
        TABLE,
        line,
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    System.out.print(line);

    assertThat(dirtyReport.scores().get(dimension))
        .as(name + " " + dimension.key() + ": dirty vs clean")
        .isLessThan(cleanReport.scores().get(dimension));
    assertThat(dirtyReport.scores().overall()).isLessThan(cleanReport.scores().overall());
    assertThat(hits).as("erroneous cells the rules locate").isPositive();
    assertThat(precision).as("more flagged cells are errors than not").isGreaterThan(0.5);
  }

  private static String scores(DatasetReport r) {
    return String.format(
        Locale.ROOT,
        "C %.3f / K %.3f / V %.3f / overall %.3f",
        r.scores().completeness(),
        r.scores().consistency(),
        r.scores().validity(),
        r.scores().overall());
  }

  /** Every column as a string, plus the 0-based row number (dirty and clean align by it). */
  private static Dataset<Row> frame(SparkSession spark, List<List<String>> table) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(ROW, DataTypes.LongType, false));
    for (String h : table.get(0)) {
      fields.add(DataTypes.createStructField(h, DataTypes.StringType, true));
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < table.size(); r++) {
      Object[] values = new Object[fields.size()];
      values[0] = (long) (r - 1);
      for (int c = 0; c < table.get(0).size(); c++) {
        values[c + 1] = table.get(r).get(c);
      }
      rows.add(RowFactory.create(values));
    }
    return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
  }

  /** The clean flights in the dirty file's layout, from (tuple_id, attribute, correct_val). */
  private static List<List<String>> wideFromLong(
      List<List<String>> dirty, List<List<String>> cells) {
    Map<String, Map<String, String>> byTuple = new LinkedHashMap<>();
    for (List<String> cell : cells.subList(1, cells.size())) {
      byTuple
          .computeIfAbsent(cell.get(0), t -> new LinkedHashMap<>())
          .put(cell.get(1), cell.get(2));
    }
    List<String> header = dirty.get(0);
    List<List<String>> out = new ArrayList<>();
    out.add(header);
    for (List<String> row : dirty.subList(1, dirty.size())) {
      Map<String, String> truth = byTuple.get(row.get(0));
      List<String> wide = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        wide.add(c == 0 ? row.get(0) : truth.getOrDefault(header.get(c), row.get(c)));
      }
      out.add(wide);
    }
    return out;
  }

  /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
  static List<List<String>> csv(Path file) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
