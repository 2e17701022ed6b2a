package io.strandsetl.spark.run;

import io.strandsetl.engine.analyze.AnalyzeService;
import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.IncrementalSpec;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SinkSpec;
import io.strandsetl.model.pipeline.SourceSpec;
import io.strandsetl.model.pipeline.TransformSpec;
import io.strandsetl.model.run.AnalysisReport;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

/**
 * Runs a pipeline on Spark: checks it, plans every step (so SQL errors surface before any data is
 * read), writes each sink to a staging directory, publishes them all only when every step
 * succeeded, moves incremental watermarks, stops Spark, and analyses the run's own event log with
 * {@link AnalyzeService} (the code path of {@code strands analyze}).
 *
 * <p>Spec errors (a missing source path, a sink path that is a file, SQL that does not analyse)
 * throw {@link StrandsException} with {@link ErrorCode#INVALID_PIPELINE} and leave nothing behind.
 * Everything else that goes wrong once data flows gives a {@link RunResult} with status FAILED and
 * a report; the previous outputs stay as they were.
 *
 * <p>Each run owns its SparkSession: the event log directory is fixed when the SparkContext starts,
 * so a run cannot share a session with another. Runs in one JVM must be sequential.
 */
public final class PipelineRunner {
  /** Above this Spark's size estimate is its "unknown" placeholder (Long.MAX_VALUE), not data. */
  private static final BigInteger UNKNOWN_SIZE = BigInteger.valueOf(1L << 50); // 1 PiB

  private static final int MAX_PLANNED_FILES = 100_000;
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final AnalyzeService analyzer;

  public PipelineRunner() {
    this(new AnalyzeService(EventLogReader.withDefaults(), Settings.empty(), Set.of()));
  }

  public PipelineRunner(AnalyzeService analyzer) {
    this.analyzer = analyzer;
  }

  /** Runs {@code spec}; see the class comment for what throws and what returns FAILED. */
  public RunResult run(PipelineSpec spec, RunOptions options) {
    Instant start = options.clock().instant();
    String executionId =
        ID_TIME.format(start)
            + "-"
            + String.format(Locale.ROOT, "%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    preflight(spec);
    Path runDir =
        (options.runDir() != null
                ? options.runDir()
                : options.dataDir().resolve("runs").resolve(executionId))
            .toAbsolutePath()
            .normalize();
    Path eventLogDir = runDir.resolve("eventlog");
    prepareRunDir(runDir, eventLogDir);
    if (SparkSession.getDefaultSession().isDefined()) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR,
          "Cannot run pipeline: a SparkSession is already active in this JVM (a run needs its own,"
              + " for its event log)");
    }
    String master =
        options.master() != null
            ? options.master()
            : spec.engine().master() != null ? spec.engine().master() : "local[*]";

    Execution run = new Execution(spec, executionId, options);
    boolean specError = false;
    SparkSession spark = null;
    try {
      spark = startSpark(spec, options, master, eventLogDir, runDir);
      if (run.progress != null) {
        spark.sparkContext().addSparkListener(run.progress);
      }
      run.context = new RunContext(spec, executionId, runDir, spark);
      plan(spark, run);
      execute(spark, run);
    } catch (RunFailure f) {
      run.fail(f.step, f.getMessage());
      run.staged.values().forEach(StagedOutput::discard);
    } catch (StrandsException e) {
      if (e.code() == ErrorCode.INVALID_PIPELINE || spark == null) {
        specError = e.code() == ErrorCode.INVALID_PIPELINE;
        throw e;
      }
      RunFailure f = run.failure(e.getMessage());
      run.fail(f.step, f.getMessage());
      run.staged.values().forEach(StagedOutput::discard);
    } catch (Exception e) { // Scala code throws checked exceptions undeclared
      // Anything else once Spark runs (a lost executor, an out-of-memory driver, a bug) still
      // ends as a FAILED run with its report.
      RunFailure f = run.failure(oneLine(e));
      run.fail(f.step, f.getMessage());
      run.staged.values().forEach(StagedOutput::discard);
    } finally {
      if (run.progress != null) {
        run.progress.finish();
      }
      stopSpark(spark);
      if (specError) {
        deleteQuietly(runDir); // a spec error writes nothing
      }
    }
    Instant end = options.clock().instant();
    long analysisStartNs = System.nanoTime();
    AnalysisReport report = null;
    String analysisError = null;
    try {
      List<AnalysisReport> reports = analyzer.analyze(eventLogDir);
      report = reports.isEmpty() ? null : reports.get(0);
      if (report == null) {
        analysisError = "no event log found in " + eventLogDir;
      }
    } catch (RuntimeException e) {
      analysisError = oneLine(e);
    }
    RunRecord record =
        new RunRecord(
            executionId,
            run.failedStep == null ? RunStatus.SUCCEEDED : RunStatus.FAILED,
            run.error,
            run.failedStep,
            spec,
            master,
            runDir.toString(),
            eventLogDir.toString(),
            start,
            end,
            end.toEpochMilli() - start.toEpochMilli(),
            run.steps,
            new ArrayList<>(run.sinks.values()),
            new ArrayList<>(run.watermarks.values()),
            analysisError,
            (System.nanoTime() - analysisStartNs) / 1_000_000);
    RunResult result = new RunResult(record, report, runDir);
    RunReports.write(result);
    return result;
  }

  // ---- pre-flight: checks that need no Spark ------------------------------------------------

  private static void preflight(PipelineSpec spec) {
    List<String> problems = new ArrayList<>();
    for (SourceSpec s : spec.sources()) {
      Path local = localPath(s.path());
      if (local != null && !hasGlob(s.path()) && !Files.exists(local)) {
        problems.add(
            "Invalid source '" + s.name() + "': path " + s.path() + " does not exist (check path)");
      }
    }
    for (SinkSpec s : spec.sinks()) {
      Path local = localPath(s.path());
      if (local != null && Files.exists(local) && !Files.isDirectory(local)) {
        problems.add(
            "Invalid sink '"
                + s.name()
                + "': path "
                + s.path()
                + " is a file (a sink writes a directory)");
      }
    }
    if (!problems.isEmpty()) {
      throw new StrandsException(ErrorCode.INVALID_PIPELINE, String.join("; ", problems));
    }
  }

  /** The local path of a path without a scheme or with {@code file:}, else null. */
  private static Path localPath(String path) {
    if (path == null) {
      return null;
    }
    try {
      URI uri = new URI(path);
      if (uri.getScheme() == null) {
        return Path.of(path);
      }
      return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    } catch (Exception e) {
      return Path.of(path); // not a URI (spaces, Windows drive): a plain local path
    }
  }

  private static boolean hasGlob(String path) {
    return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static void prepareRunDir(Path runDir, Path eventLogDir) {
    try {
      if (Files.exists(runDir)) {
        if (!Files.isDirectory(runDir)) {
          throw new StrandsException(
              ErrorCode.INVALID_ARGUMENT, "Invalid run directory: " + runDir + " (it is a file)");
        }
        try (Stream<Path> entries = Files.list(runDir)) {
          if (entries.findAny().isPresent()) {
            throw new StrandsException(
                ErrorCode.INVALID_ARGUMENT,
                "Invalid run directory: " + runDir + " (not empty; each run needs a fresh one)");
          }
        }
      }
      Files.createDirectories(eventLogDir);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot create run directory " + runDir + ": " + e.getMessage());
    }
  }

  private static SparkSession startSpark(
      PipelineSpec spec, RunOptions options, String master, Path eventLogDir, Path runDir) {
    Map<String, String> conf = new LinkedHashMap<>(spec.engine().conf());
    conf.putAll(options.conf());
    conf.put("spark.eventLog.enabled", "true");
    conf.put("spark.eventLog.dir", eventLogDir.toUri().toString());
    conf.put("spark.ui.showConsoleProgress", "false"); // our own progress line instead
    SparkSession.Builder builder = SparkSession.builder().appName(spec.name()).master(master);
    conf.forEach(builder::config);
    try {
      return builder.getOrCreate();
    } catch (Exception e) { // SparkException is checked and thrown undeclared
      deleteQuietly(runDir);
      String message = oneLine(e);
      if (message.contains("Master URL") || message.contains("master URL")) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT, "Invalid master: " + master + " (" + message + ")");
      }
      throw new StrandsException(
          ErrorCode.RUN_FAILED, "Cannot start Spark (master " + master + "): " + message, e);
    }
  }

  private static void stopSpark(SparkSession spark) {
    if (spark != null) {
      spark.stop();
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  // ---- planning: every source and step is analysed before data flows --------------------------

  private static void plan(SparkSession spark, Execution run) {
    Map<String, Dataset<Row>> sources = new LinkedHashMap<>();
    WatermarkStore watermarks =
        new WatermarkStore(run.options.dataDir().resolve("state"), run.spec.name());
    for (SourceSpec s : run.spec.sources()) {
      run.begin(s.name(), "source", "reading source '" + s.name() + "'");
      Dataset<Row> df = read(spark, s, run);
      IncrementalSpec inc = s.incremental();
      if (inc != null) {
        String column = inc.watermarkColumn();
        if (!List.of(df.columns()).contains(column)) {
          throw run.specError(
              "Invalid source '"
                  + s.name()
                  + "': watermark_column '"
                  + column
                  + "' not found (columns: "
                  + String.join(", ", df.columns())
                  + ")");
        }
        String previous = watermarks.find(s.name(), column).orElse(inc.initialValue());
        if (previous != null) {
          DataType type = df.schema().apply(column).dataType();
          df = df.filter(functions.col(column).gt(functions.lit(previous).cast(type)));
        }
        run.watermarks.put(s.name(), new WatermarkRecord(s.name(), column, previous, previous));
        run.incrementalFrames.put(s.name(), df);
      }
      df.createOrReplaceTempView(s.name());
      sources.put(s.name(), df);
      run.succeed();
    }
    for (RunHook hook : run.options.hooks()) {
      gate(run, hook, "checking sources", h -> h.beforeRun(run.context, sources));
    }
    for (TransformSpec t : run.spec.transforms()) {
      run.begin(t.name(), "transform", "planning step '" + t.name() + "'");
      Dataset<Row> df;
      try {
        df = spark.sql(t.sql()); // parses and analyses now; runs nothing
      } catch (Exception e) { // Scala throws AnalysisException, a checked type, undeclared
        if (e instanceof AnalysisException) {
          throw run.specError("Invalid step '" + t.name() + "': " + oneLine(e));
        }
        throw run.failure(oneLine(e));
      }
      if (t.cache()) {
        df = df.cache();
      }
      df.createOrReplaceTempView(t.name());
      run.succeed();
    }
  }

  private static Dataset<Row> read(SparkSession spark, SourceSpec s, Execution run) {
    DataFrameReader reader = spark.read().format(s.format().sparkName()).options(s.options());
    try {
      return switch (s.format()) {
        case JDBC -> reader.option("dbtable", s.table()).load();
        case PARQUET, CSV, JSON, ORC ->
            s.path() != null ? reader.load(s.path()) : spark.table(s.table());
      };
    } catch (Exception e) { // Scala throws AnalysisException, a checked type, undeclared
      if (e instanceof AnalysisException) {
        throw run.specError("Invalid source '" + s.name() + "': " + oneLine(e));
      }
      throw run.failure("Cannot read source '" + s.name() + "': " + oneLine(e));
    }
  }

  // ---- execution: stage, then publish all -----------------------------------------------------

  private static void execute(SparkSession spark, Execution run) {
    var hadoop = spark.sparkContext().hadoopConfiguration();
    for (SinkSpec sink : run.spec.sinks()) {
      run.begin(sink.name(), "sink", "writing sink '" + sink.name() + "'");
      StagedOutput staged = new StagedOutput(sink.path(), run.executionId, hadoop);
      try {
        staged.recoverLeftovers();
        run.staged.put(sink.name(), staged);
        run.sinks.put(sink.name(), write(spark, run, sink, staged));
      } catch (Exception e) { // Scala code throws checked exceptions undeclared
        throw run.failure(oneLine(e));
      }
      run.succeed();
    }
    // Watermarks are computed before publishing but stored only after it succeeded.
    Map<String, WatermarkRecord> next = new LinkedHashMap<>();
    for (var e : run.incrementalFrames.entrySet()) {
      WatermarkRecord w = run.watermarks.get(e.getKey());
      run.begin(e.getKey(), "watermark", "computing watermark of '" + e.getKey() + "'");
      try {
        Row max = e.getValue().agg(functions.max(functions.col(w.column())).cast("string")).first();
        String value = max.isNullAt(0) ? w.previous() : max.getString(0);
        next.put(e.getKey(), new WatermarkRecord(w.source(), w.column(), w.previous(), value));
      } catch (RuntimeException ex) {
        throw run.failure(oneLine(ex));
      }
      run.succeed();
    }
    if (!run.options.hooks().isEmpty()) {
      Map<String, Dataset<Row>> stagedRows = new LinkedHashMap<>();
      for (SinkSpec sink : run.spec.sinks()) {
        stagedRows.put(sink.name(), readStaged(spark, sink, run.staged.get(sink.name())));
      }
      for (RunHook hook : run.options.hooks()) {
        gate(run, hook, "checking staged output", h -> h.beforePublish(run.context, stagedRows));
      }
    }
    for (SinkSpec sink : run.spec.sinks()) {
      run.begin(sink.name(), "publish", "publishing sink '" + sink.name() + "'");
      try {
        run.staged.get(sink.name()).publish(sink.mode());
      } catch (IOException | RuntimeException e) {
        throw run.failure("Cannot publish " + sink.path() + ": " + oneLine(e));
      }
      run.sinks.put(sink.name(), run.sinks.get(sink.name()).withPublished());
      run.succeed();
    }
    WatermarkStore store =
        new WatermarkStore(run.options.dataDir().resolve("state"), run.spec.name());
    Instant now = run.options.clock().instant();
    next.forEach(
        (source, w) -> {
          if (w.next() != null) {
            store.save(source, w.column(), w.next(), run.executionId, now);
          }
          run.watermarks.put(source, w);
        });
  }

  private static SinkRecord write(
      SparkSession spark, Execution run, SinkSpec sink, StagedOutput staged) throws IOException {
    Dataset<Row> df = spark.table(sink.from());
    for (RunHook hook : run.options.hooks()) {
      df = hook.beforeWrite(run.context, sink, df);
    }
    Long target = sink.targetFileSizeBytes();
    Long estimated = null;
    Integer planned = null;
    if (target != null) {
      BigInteger size = df.queryExecution().optimizedPlan().stats().sizeInBytes().bigInteger();
      if (size.compareTo(UNKNOWN_SIZE) < 0) {
        estimated = size.longValue();
        planned = plannedFiles(estimated, target);
        if (sink.partitionBy().isEmpty()) {
          df = df.repartition(planned);
        } else {
          df = df.repartition(planned, partitionColumns(sink));
        }
      }
    }
    save(df, sink, staged.staging(), Map.of());
    FileSizing first = FileSizing.measure(staged.stagedDataFiles());
    FileSizing last = first;
    boolean rewritten = false;
    // Measured, not estimated: the estimate is unknown for joins (and off for aggregations and
    // text input), so the files written are what decides whether they are rewritten once.
    if (target != null && first.needsRewrite(target)) {
      rewrite(spark, sink, staged, first, target);
      rewritten = true;
      last = FileSizing.measure(staged.stagedDataFiles());
    }
    long files = last.files();
    long bytes = last.bytes();
    Long average = files == 0 ? null : bytes / files;
    return new SinkRecord(
        sink.name(),
        staged.target().toString(),
        staged.staging().toString(),
        false,
        target,
        estimated,
        planned,
        first.files(),
        rewritten,
        files,
        bytes,
        average,
        average == null || target == null ? null : (double) average / target);
  }

  /**
   * Asks one hook for its verdict as a step of kind {@code gate}; a halt or an exception fails the
   * run at that step (outputs are then discarded by the caller).
   */
  private static void gate(
      Execution run, RunHook hook, String what, java.util.function.Function<RunHook, Gate> call) {
    run.begin(hook.name(), "gate", what + " (" + hook.name() + ")");
    Gate verdict;
    try {
      verdict = call.apply(hook);
    } catch (RunFailure | StrandsException e) {
      throw e;
    } catch (Exception e) { // Scala code throws checked exceptions undeclared
      throw run.failure("Gate " + hook.name() + " could not decide: " + oneLine(e));
    }
    if (!verdict.passed()) {
      throw run.failure("Halted by " + hook.name() + ": " + verdict.reason());
    }
    run.succeed();
  }

  /** The staged rows of a sink, read back with the sink's format and options. */
  private static Dataset<Row> readStaged(SparkSession spark, SinkSpec sink, StagedOutput staged) {
    return spark
        .read()
        .format(sink.format().sparkName())
        .options(sink.options())
        .load(staged.staging().toString());
  }

  /**
   * Reads the staged output back (same format and options), writes it to a second staging directory
   * with {@code ceil(bytes / target)} files per directory, and swaps it in. Nothing is published
   * here, so a failure or kill leaves the previous output as it was.
   */
  private static void rewrite(
      SparkSession spark, SinkSpec sink, StagedOutput staged, FileSizing measured, long target)
      throws IOException {
    Dataset<Row> df = readStaged(spark, sink, staged);
    int files = (int) Math.min(MAX_PLANNED_FILES, measured.idealFiles(target));
    Map<String, String> extra = new LinkedHashMap<>();
    if (sink.partitionBy().isEmpty()) {
      df = df.repartition(files); // round-robin: equal rows, so files of about bytes / files
    } else {
      // Hashing by the partition columns sends each directory's rows to one task; the row limit
      // per file (from the measured bytes per row) splits a large directory into files of about
      // the target instead of one big file.
      long rows = df.count(); // parquet/orc answer from footers
      if (rows > 0 && measured.bytes() > 0 && !sink.options().containsKey("maxRecordsPerFile")) {
        long perFile = (long) Math.ceil((double) target * rows / measured.bytes());
        extra.put("maxRecordsPerFile", Long.toString(Math.max(1, perFile)));
      }
      int tasks = (int) Math.min(files, measured.directories().size());
      df = df.repartition(Math.max(1, tasks), partitionColumns(sink));
    }
    save(df, sink, staged.rewriteStaging(), extra);
    staged.replaceStagingWithRewrite();
  }

  private static void save(
      Dataset<Row> df, SinkSpec sink, org.apache.hadoop.fs.Path path, Map<String, String> extra) {
    DataFrameWriter<Row> writer =
        df.write()
            .format(sink.format().sparkName())
            .mode(SaveMode.ErrorIfExists)
            .options(sink.options())
            .options(extra);
    if (!sink.partitionBy().isEmpty()) {
      writer = writer.partitionBy(sink.partitionBy().toArray(String[]::new));
    }
    writer.save(path.toString());
  }

  private static Column[] partitionColumns(SinkSpec sink) {
    return sink.partitionBy().stream().map(functions::col).toArray(Column[]::new);
  }

  /** ceil(estimated / target), at least 1 and at most {@value #MAX_PLANNED_FILES}. */
  static int plannedFiles(long estimatedBytes, long targetBytes) {
    long n = (estimatedBytes + targetBytes - 1) / targetBytes;
    return (int) Math.max(1, Math.min(MAX_PLANNED_FILES, n));
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * One line from an exception: Spark's messages carry the SQL context and plans on further lines,
   * and a failed job wraps the cause that says what went wrong (the innermost message).
   */
  static String oneLine(Throwable e) {
    Throwable t = e;
    if (!(e instanceof AnalysisException)) {
      while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
        t = t.getCause();
      }
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    String first = message.strip().lines().findFirst().orElse("").strip();
    return first.isEmpty() ? t.getClass().getSimpleName() : first;
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a spec error must not hide behind a clean-up error
    }
  }

  /** The state of one run while it runs. */
  private static final class Execution {
    final PipelineSpec spec;
    final String executionId;
    final RunOptions options;
    final ProgressListener progress;
    final List<StepRecord> steps = new ArrayList<>();
    final Map<String, SinkRecord> sinks = new LinkedHashMap<>();
    final Map<String, StagedOutput> staged = new LinkedHashMap<>();
    final Map<String, WatermarkRecord> watermarks = new LinkedHashMap<>();
    final Map<String, Dataset<Row>> incrementalFrames = new LinkedHashMap<>();
    String stepName;
    String stepKind;
    Instant stepStart;
    String failedStep;
    String error;
    RunContext context;

    Execution(PipelineSpec spec, String executionId, RunOptions options) {
      this.spec = spec;
      this.executionId = executionId;
      this.options = options;
      this.progress =
          options.progress() == null
              ? null
              : new ProgressListener(options.progress(), options.terminal(), options.clock());
    }

    void begin(String name, String kind, String description) {
      stepName = name;
      stepKind = kind;
      stepStart = options.clock().instant();
      if (progress != null) {
        progress.step(description);
      }
    }

    void succeed() {
      steps.add(record(RunStatus.SUCCEEDED, null));
    }

    StrandsException specError(String message) {
      return new StrandsException(ErrorCode.INVALID_PIPELINE, message);
    }

    RunFailure failure(String message) {
      if (stepName == null) {
        return new RunFailure("start", message);
      }
      if (steps.isEmpty() || steps.get(steps.size() - 1).startTime() != stepStart) {
        steps.add(record(RunStatus.FAILED, message));
      }
      return new RunFailure(stepKind + " '" + stepName + "'", message);
    }

    void fail(String step, String message) {
      failedStep = step;
      error = message;
    }

    private StepRecord record(RunStatus status, String message) {
      Instant now = options.clock().instant();
      return new StepRecord(
          stepName,
          stepKind,
          status,
          stepStart,
          now.toEpochMilli() - stepStart.toEpochMilli(),
          message);
    }
  }

  /** A failure once data flows: the run ends FAILED with a report, outputs untouched. */
  private static final class RunFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String step;

    RunFailure(String step, String message) {
      super(message);
      this.step = step;
    }
  }
}
