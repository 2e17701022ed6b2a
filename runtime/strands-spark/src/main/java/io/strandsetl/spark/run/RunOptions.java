package io.strandsetl.spark.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
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
 */
public record RunOptions(
    String master,
    Path runDir,
    Path dataDir,
    Map<String, String> conf,
    PrintStream progress,
    boolean terminal,
    Clock clock) {
  public RunOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    conf =
        conf == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  /** Defaults: pipeline's master or local[*], {@code strands-data/}, no progress output. */
  public static RunOptions defaults() {
    return new RunOptions(null, null, Path.of("strands-data"), Map.of(), null, false, null);
  }
}
