package io.strandsetl.bench;

import io.strandsetl.engine.analyze.AnalyzeService;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.spark.datagen.GeneratedDataset;
import io.strandsetl.spark.datagen.TpchDataGenerator;
import io.strandsetl.spark.run.PipelineRunner;
import io.strandsetl.spark.run.RunOptions;
import io.strandsetl.spark.run.RunResult;
import io.strandsetl.spark.run.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * Strands' overhead on a real pipeline: TPC-H queries (bench/pipelines/tpch-q*.yaml) run by the
 * pipeline runner (event log, staging and publish, analysis of the run's own log, report files)
 * against the same sources, SQL and sinks run with the bare Spark API ({@link PlainSparkPipeline}).
 * Both in this JVM, one after the other, each with its own SparkSession on the same master and
 * Spark conf, so both pay Spark's start-up; the order alternates every repetition and a first round
 * is a discarded warm-up (JIT, page cache). Prints wall times in seconds (median of the
 * repetitions) and the ratio Strands / plain.
 *
 * <p>Arguments: {@code [--data DIR] [--reps N] [--master URL] [--queries q1,q3,q5] [--work DIR]}.
 * The pipelines read {@code strands-data/tpch-1/…} relative to the working directory; the TPC-H SF1
 * data is generated there first when absent.
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> a = parse(args);
    Path data = Path.of(a.getOrDefault("--data", "strands-data/tpch-1"));
    int reps = Integer.parseInt(a.getOrDefault("--reps", "3"));
    String master = a.getOrDefault("--master", "local[2]");
    Path work = Path.of(a.getOrDefault("--work", "strands-data/bench-work"));
    List<String> queries = Arrays.asList(a.getOrDefault("--queries", "q1,q3,q5").split(","));

    ensureTpch(data, master);
    Map<String, PipelineSpec> specs = new LinkedHashMap<>();
    for (String q : queries) {
      specs.put(q, PipelineParser.parse(Path.of("bench/pipelines/tpch-" + q + ".yaml")));
    }
    PipelineRunner runner = new PipelineRunner();
    RunOptions options = new RunOptions(master, null, work, Map.of(), null, false, null);

    Map<String, List<Double>> plain = new LinkedHashMap<>();
    Map<String, List<Double>> strands = new LinkedHashMap<>();
    Map<String, List<Double>> analysis = new LinkedHashMap<>();
    for (int rep = 0; rep <= reps; rep++) {
      boolean warmUp = rep == 0;
      for (var e : specs.entrySet()) {
        String q = e.getKey();
        double p;
        double s;
        if (rep % 2 == 0) {
          p = timePlain(e.getValue(), master);
          s = timeStrands(runner, e.getValue(), options);
        } else {
          s = timeStrands(runner, e.getValue(), options);
          p = timePlain(e.getValue(), master);
        }
        System.out.printf(
            Locale.ROOT,
            "%s %-3s plain %6.2f s   strands %6.2f s%n",
            warmUp ? "warm-up" : "rep " + rep + "  ",
            q,
            p,
            s);
        if (!warmUp) {
          plain.computeIfAbsent(q, k -> new ArrayList<>()).add(p);
          strands.computeIfAbsent(q, k -> new ArrayList<>()).add(s);
          analysis.computeIfAbsent(q, k -> new ArrayList<>()).add(timeAnalysis(lastRunDir));
        }
      }
    }

    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "TPC-H SF%s, master %s, %d repetitions; seconds of wall time, Spark start-up included;%n"
            + "median per query, and the sum over all repetitions (steadier on a shared machine).%n"
            + "analysis = re-reading the Strands run's event log afterwards: one part of the overhead.%n",
        TpchDataGenerator.existing(data, 1.0).isPresent() ? "1" : "?",
        master,
        reps);
    System.out.printf(
        Locale.ROOT,
        "  %-10s %9s %9s %8s %9s %9s%n",
        "query",
        "plain",
        "strands",
        "ratio",
        "overhead",
        "analysis");
    double tp = 0;
    double ts = 0;
    double sumPlain = 0;
    double sumStrands = 0;
    for (String q : specs.keySet()) {
      double p = median(plain.get(q));
      double s = median(strands.get(q));
      tp += p;
      ts += s;
      sumPlain += plain.get(q).stream().mapToDouble(Double::doubleValue).sum();
      sumStrands += strands.get(q).stream().mapToDouble(Double::doubleValue).sum();
      System.out.printf(
          Locale.ROOT,
          "  %-10s %9.2f %9.2f %8.3f %8.1f%% %9.2f%n",
          q,
          p,
          s,
          s / p,
          (s / p - 1) * 100,
          median(analysis.get(q)));
    }
    System.out.printf(
        Locale.ROOT,
        "  %-10s %9.2f %9.2f %8.3f %8.1f%%%n",
        "medians",
        tp,
        ts,
        ts / tp,
        (ts / tp - 1) * 100);
    System.out.printf(
        Locale.ROOT,
        "  %-10s %9.2f %9.2f %8.3f %8.1f%%%n",
        "all runs",
        sumPlain,
        sumStrands,
        sumStrands / sumPlain,
        (sumStrands / sumPlain - 1) * 100);
  }

  private static double timePlain(PipelineSpec spec, String master) {
    long t0 = System.nanoTime();
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(spec.name())
            .master(master)
            .config("spark.ui.showConsoleProgress", "false");
    spec.engine().conf().forEach(b::config);
    SparkSession spark = b.getOrCreate();
    try {
      PlainSparkPipeline.run(spark, spec);
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * The run directory of the last timed Strands run, whose event log {@link #timeAnalysis}
   * re-reads.
   */
  private static Path lastRunDir;

  /**
   * Seconds to analyse a run's event log again, outside the timed runs: the part of Strands'
   * overhead that is the analysis (the rest is event logging, staging and the report files).
   */
  private static double timeAnalysis(Path runDir) {
    AnalyzeService service =
        new AnalyzeService(EventLogReader.withDefaults(), Settings.empty(), Set.of());
    long t0 = System.nanoTime();
    service.analyze(runDir.resolve("eventlog"));
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double timeStrands(PipelineRunner runner, PipelineSpec spec, RunOptions options) {
    long t0 = System.nanoTime();
    RunResult r = runner.run(spec, options);
    lastRunDir = r.runDir();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (r.record().status() != RunStatus.SUCCEEDED || r.report() == null) {
      throw new IllegalStateException(
          "Cannot benchmark "
              + spec.name()
              + ": run "
              + r.record().status()
              + " "
              + r.record().error()
              + " "
              + r.record().analysisError());
    }
    return seconds;
  }

  private static void ensureTpch(Path data, String master) {
    if (TpchDataGenerator.existing(data, 1.0).isPresent()) {
      return;
    }
    System.out.println("Generating TPC-H SF1 in " + data + " …");
    SparkSession spark =
        SparkSession.builder()
            .appName("tpch-generate")
            .master(master)
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      GeneratedDataset d = new TpchDataGenerator(spark, 1.0).generate(data);
      System.out.printf(
          Locale.ROOT,
          "Generated TPC-H SF1 (%,d rows) in %.1f s%n",
          d.totalRows(),
          d.elapsedMillis() / 1000.0);
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(Double::compare);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "Invalid argument: "
                + args[i]
                + " (usage: [--data DIR] [--reps N] [--master URL] [--queries q1,q3,q5] [--work DIR])");
      }
      m.put(args[i], args[++i]);
    }
    return m;
  }
}
