package io.strandsetl.bench;

import io.strandsetl.model.config.Settings;
import io.strandsetl.quality.MeasurePlan;
import io.strandsetl.quality.QualitySettings;
import io.strandsetl.quality.QualitySpec;
import io.strandsetl.spark.datagen.TpchDataGenerator;
import io.strandsetl.spark.quality.DatasetQuality;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The quality profile of TPC-H SF1 {@code lineitem} (6,001,215 rows, 16 columns, Parquet) against a
 * plain full scan of the same columns with Spark's {@code noop} writer, same JVM, same session,
 * same data. One warm-up round (JIT, page cache) is discarded, then {@code --reps} timed rounds;
 * each round runs every variant once, in a rotating order so none always runs first. Prints the
 * median wall time in seconds per variant and its ratio to the scan.
 *
 * <p>Variants: {@code scan} (noop write of all columns); {@code profile} (the ONE profiling
 * aggregation as the run hook does it by default: per column nulls, missing tokens, min/max/mean);
 * {@code profile+distinct} (the same with approx_count_distinct per column, as the profile_dataset
 * tool does it); {@code duplicates} (the second aggregation: exact duplicate rows by a 64-bit row
 * hash); {@code full} (DatasetQuality.assess: both aggregations and scoring).
 */
public final class ProfileBenchmark {
  private ProfileBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i], args[i + 1]);
    }
    Path data = Path.of(a.getOrDefault("--data", "strands-data/tpch-1"));
    int reps = Integer.parseInt(a.getOrDefault("--reps", "3"));
    String master = a.getOrDefault("--master", "local[2]");
    SparkSession spark =
        SparkSession.builder()
            .appName("profile-bench")
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    if (TpchDataGenerator.existing(data, 1.0).isEmpty()) {
      System.out.println("Generating TPC-H SF1 in " + data + " …");
      new TpchDataGenerator(spark, 1.0).generate(data);
    }
    Dataset<Row> lineitem = spark.read().parquet(data.resolve("lineitem").toString());
    QualitySpec spec =
        QualitySpec.parse(Map.of(), QualitySettings.defaults(), null, null, "lineitem");
    QualitySpec withDistinct =
        QualitySpec.parse(
            Map.of(),
            QualitySettings.from(Settings.of(Map.of("quality.profile.approx-distinct", "true"))),
            null,
            null,
            "lineitem");
    MeasurePlan plan = MeasurePlan.of(spec, "lineitem", DatasetQuality.schema(lineitem));
    MeasurePlan planWithDistinct =
        MeasurePlan.of(withDistinct, "lineitem", DatasetQuality.schema(lineitem));

    Map<String, Runnable> variants = new LinkedHashMap<>();
    variants.put("scan", () -> lineitem.write().format("noop").mode("overwrite").save());
    variants.put(
        "profile", () -> DatasetQuality.aggregate(lineitem, plan.profile(), new LinkedHashMap<>()));
    variants.put(
        "profile+distinct",
        () ->
            DatasetQuality.aggregate(lineitem, planWithDistinct.profile(), new LinkedHashMap<>()));
    variants.put(
        "duplicates",
        () -> DatasetQuality.aggregate(lineitem, plan.duplicates(), new LinkedHashMap<>()));
    variants.put(
        "full",
        () ->
            DatasetQuality.assess(
                "lineitem", lineitem, "output", spec, Map.of(), List.of(), Instant.now()));

    System.out.printf(
        Locale.ROOT,
        "lineitem: %d columns, profile = %d aggregate expressions in one job, duplicates = %d%n",
        lineitem.columns().length,
        plan.profile().size(),
        plan.duplicates().size());
    Map<String, List<Double>> times = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(variants.keySet());
    for (int rep = 0; rep <= reps; rep++) {
      for (int k = 0; k < names.size(); k++) {
        String name = names.get((k + rep) % names.size());
        long start = System.nanoTime();
        variants.get(name).run();
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT, "%s %-20s %7.2f s%n", rep == 0 ? "warm-up" : "rep " + rep + "  ", name, s);
        if (rep > 0) {
          times.computeIfAbsent(name, n -> new ArrayList<>()).add(s);
        }
      }
    }
    double scan = PipelineBenchmark.median(times.get("scan"));
    System.out.printf(Locale.ROOT, "%nmedian of %d reps (master %s):%n", reps, master);
    for (String name : names) {
      double m = PipelineBenchmark.median(times.get(name));
      System.out.printf(Locale.ROOT, "  %-20s %7.2f s   %5.2fx scan%n", name, m, m / scan);
    }
    spark.stop();
  }
}
