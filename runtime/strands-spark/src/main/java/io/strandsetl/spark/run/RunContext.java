package io.strandsetl.spark.run;

import io.strandsetl.model.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * What a {@link RunHook} may use: the pipeline, the run's identity and directory (hooks write their
 * own reports there) and the run's SparkSession.
 */
public record RunContext(PipelineSpec spec, String executionId, Path runDir, SparkSession spark) {
  public RunContext {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(spark, "spark");
  }
}
