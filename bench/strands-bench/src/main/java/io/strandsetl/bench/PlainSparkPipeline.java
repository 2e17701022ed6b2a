package io.strandsetl.bench;

import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SinkSpec;
import io.strandsetl.model.pipeline.SourceSpec;
import io.strandsetl.model.pipeline.TransformSpec;
import io.strandsetl.model.pipeline.WriteMode;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The baseline of the pipeline benchmark: the same sources, SQL and sinks as a pipeline, run with
 * nothing but the Spark API — what a hand-written job would do. No event log, no staging, no
 * analysis, no report: the difference to a {@code strands run} of the same spec is Strands' cost.
 */
final class PlainSparkPipeline {
  private PlainSparkPipeline() {}

  static void run(SparkSession spark, PipelineSpec spec) {
    for (SourceSpec s : spec.sources()) {
      Dataset<Row> df =
          spark.read().format(s.format().sparkName()).options(s.options()).load(s.path());
      df.createOrReplaceTempView(s.name());
    }
    for (TransformSpec t : spec.transforms()) {
      Dataset<Row> df = spark.sql(t.sql());
      if (t.cache()) {
        df = df.cache();
      }
      df.createOrReplaceTempView(t.name());
    }
    for (SinkSpec k : spec.sinks()) {
      DataFrameWriter<Row> w =
          spark
              .table(k.from())
              .write()
              .format(k.format().sparkName())
              .options(k.options())
              .mode(k.mode() == WriteMode.APPEND ? SaveMode.Append : SaveMode.Overwrite);
      if (!k.partitionBy().isEmpty()) {
        w = w.partitionBy(k.partitionBy().toArray(String[]::new));
      }
      w.save(k.path());
    }
  }
}
