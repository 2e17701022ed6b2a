package io.strandsetl.cli;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.spark.datagen.GeneratedDataset;
import io.strandsetl.spark.datagen.RetailDataGenerator;
import io.strandsetl.spark.datagen.TpchDataGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a built-in dataset as parquet, one folder per table, with Spark (embedded by default).",
      "  retail  a sales fact and five dimensions with realistic PII; scale 1 ≈ 1M sales rows",
      "  tpch    the eight TPC-H tables; scale = the TPC-H scale factor (1 ≈ 6M lineitem rows)",
      "Exit 0 when written, 2 for a usage error, 1 when Spark fails."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DATASET", description = "retail or tpch.")
  String dataset;

  @Option(
      names = "--scale",
      paramLabel = "N",
      defaultValue = "1",
      description = "Scale (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description =
          "Seed for retail (default: ${DEFAULT-VALUE}); TPC-H data is fixed by its specification.")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default: strands-data/<dataset>-<scale>).")
  Path out;

  @Option(
      names = "--master",
      paramLabel = "URL",
      defaultValue = "local[*]",
      description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String name = dataset.toLowerCase(Locale.ROOT);
    if (!name.equals(RetailDataGenerator.NAME) && !name.equals(TpchDataGenerator.NAME)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid dataset: '" + dataset + "' (known: [retail, tpch])");
    }
    Path dir =
        this.out != null ? this.out : Path.of("strands-data", name + "-" + formatScale(scale));
    SparkSession spark = localSession(master, "strands generate " + name);
    try {
      GeneratedDataset d =
          name.equals(RetailDataGenerator.NAME)
              ? new RetailDataGenerator(spark, scale, seed).generate(dir)
              : new TpchDataGenerator(spark, scale).generate(dir);
      out.println(summary(d));
      out.flush();
      return 0;
    } finally {
      spark.stop();
    }
  }

  static String summary(GeneratedDataset d) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Generated %s (scale %s%s) in %.1f s under %s%n",
            d.name(),
            formatScale(d.scale()),
            d.name().equals(RetailDataGenerator.NAME) ? ", seed " + d.seed() : "",
            d.elapsedMillis() / 1000.0,
            d.directory().toAbsolutePath()));
    for (Map.Entry<String, Long> e : d.rowCounts().entrySet()) {
      b.append(String.format(Locale.ROOT, "  %-10s %,12d rows%n", e.getKey(), e.getValue()));
    }
    return b.toString().stripTrailing();
  }

  static String formatScale(double scale) {
    return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
  }

  /**
   * An embedded session for generation: no UI, few shuffle partitions (generation has no shuffles).
   */
  static SparkSession localSession(String master, String appName) {
    return SparkSession.builder()
        .master(master)
        .appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate();
  }
}
