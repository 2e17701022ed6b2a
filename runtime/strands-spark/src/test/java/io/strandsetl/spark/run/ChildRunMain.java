package io.strandsetl.spark.run;

import io.strandsetl.engine.pipeline.PipelineParser;
import java.nio.file.Path;
import java.util.Map;

/** Runs one pipeline in a child JVM, for tests that kill a run: {@code PIPELINE DATA_DIR}. */
public final class ChildRunMain {
  private ChildRunMain() {}

  public static void main(String[] args) {
    RunOptions options =
        new RunOptions(
            "local[2]",
            null,
            Path.of(args[1]),
            Map.of("spark.sql.shuffle.partitions", "2", "spark.ui.enabled", "false"),
            System.err,
            false,
            null);
    RunResult result = new PipelineRunner().run(PipelineParser.parse(Path.of(args[0])), options);
    System.exit(result.exitCode());
  }
}
