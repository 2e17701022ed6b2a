package io.strandsetl.spark.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a pipeline.
 *
 * @param master Spark master URL; null uses the pipeline's {@code engine.master}, else {@code
 *     local[*]}
 * @param runDir the run directory; null uses {@code <dataDir>/runs/<execution id>}
 * @param dataDir root of Strands' local data: {@code runs/} and {@code state/} (watermarks)
 * @param conf Spark properties that win over the pipeline's {@code engine.conf}
 * @param progress where progress goes (a bar when {@code terminal}, else log lines); null for none
 * @param terminal true to draw a one-line progress bar instead of log lines
 * @param clock clock for execution ids and timings
 * @param hooks code that gates, transforms and inspects the run, in call order
 */
public record RunOptions(
    String master,
    Path runDir,
    Path dataDir,
    Map<String, String> conf,
    PrintStream progress,
    boolean terminal,
    Clock clock,
    List<RunHook> hooks) {
  public RunOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    conf =
        conf == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    clock = clock == null ? Clock.systemUTC() : clock;
    hooks = hooks == null ? List.of() : List.copyOf(hooks);
  }

  /** Options without hooks. */
  public RunOptions(
      String master,
      Path runDir,
      Path dataDir,
      Map<String, String> conf,
      PrintStream progress,
      boolean terminal,
      Clock clock) {
    this(master, runDir, dataDir, conf, progress, terminal, clock, List.of());
  }

  /** These options with {@code hooks} instead of the current ones. */
  public RunOptions withHooks(List<RunHook> hooks) {
    return new RunOptions(master, runDir, dataDir, conf, progress, terminal, clock, hooks);
  }

  /** Defaults: pipeline's master or local[*], {@code strands-data/}, no progress output. */
  public static RunOptions defaults() {
    return new RunOptions(null, null, Path.of("strands-data"), Map.of(), null, false, null);
  }
}
