package io.strandsetl.spark.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.engine.report.JsonReportRenderer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunReportsTest {
  @Test
  void masksSecretOptionValuesInTheWrittenPipeline() {
    var spec =
        PipelineParser.parse(
            "p.yaml",
            """
            name: p
            sources:
              - name: t
                format: jdbc
                table: public.orders
                options: {url: "jdbc:postgresql://db/x", user: etl, password: hunter2}
            sinks:
              - {from: t, path: out}
            engine:
              conf: {spark.hadoop.fs.s3a.secret.key: abc, spark.sql.shuffle.partitions: 4}
            """);
    ObjectNode pipeline = JsonReportRenderer.mapper().valueToTree(spec);

    RunReports.maskSecrets(pipeline);

    assertThat(pipeline.at("/sources/0/options/password").asText()).isEqualTo("****");
    assertThat(pipeline.at("/sources/0/options/user").asText()).isEqualTo("etl");
    assertThat(pipeline.at("/engine/conf/spark.hadoop.fs.s3a.secret.key").asText())
        .isEqualTo("****");
    assertThat(pipeline.at("/engine/conf/spark.sql.shuffle.partitions").asText()).isEqualTo("4");
    assertThat(pipeline.toString()).doesNotContain("hunter2").doesNotContain("abc");
  }

  @Test
  void progressLogsStepsAsPlainLinesWhenNotOnATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    ProgressListener progress =
        new ProgressListener(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, clock);

    progress.step("writing sink 'totals'");
    progress.finish();

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("strands: [0:00] writing sink 'totals'" + System.lineSeparator());
    assertThat(progress.line())
        .isEqualTo("[------------------------] stages 0/0  tasks 0/0  0:00  writing sink 'totals'");
  }
}
