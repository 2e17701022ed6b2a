package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.spark.run.RunRecord;
import io.strandsetl.spark.run.RunResult;
import io.strandsetl.spark.run.RunStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strands run} records its run in the configured store (one real Spark run). */
class RunTrackingTest {
  @TempDir Path dir;

  @Test
  void runIsRecordedWithItsPipelineIdentityAndMetrics() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "id,amount\n1,5\n2,7\n");
    Path pipeline =
        Files.writeString(
            dir.resolve("pipeline.yaml"),
            """
            name: tracked
            owner: data-team
            stakeholders: [ops@example.com]
            tags: {team: retail, environment: dev}
            sources:
              - {name: orders, format: csv, path: $DIR/in.csv, options: {header: true, inferSchema: true}}
            transforms:
              - {name: doubled, sql: "SELECT id, amount * 2 AS amount2 FROM orders"}
            sinks:
              - {from: doubled, path: $DIR/out/doubled, format: json}
            """
                .replace("$DIR", dir.toString()));
    String store = "store.sqlite.path=" + dir.resolve("tracking.db");

    var r =
        AnalyzeCommandTest.run(
            "run",
            pipeline.toString(),
            "--master",
            "local[2]",
            "--data-dir",
            dir.resolve("data").toString(),
            "--conf",
            "spark.ui.enabled=false",
            "--set",
            store);

    assertThat(r.exitCode()).as(r.err()).isZero();
    // The Supervisor records the run and says where in its report.
    assertThat(r.out()).contains("RECORDED in sqlite: " + dir.resolve("tracking.db"));
    var history = AnalyzeCommandTest.run("history", "--format", "json", "--set", store);
    JsonNode runs = new ObjectMapper().readTree(history.out()).get("executions");
    assertThat(runs).hasSize(1);
    String id = runs.get(0).get("executionId").asText();
    assertThat(dir.resolve("data/runs").resolve(id)).isDirectory();
    var show = AnalyzeCommandTest.run("show", id, "--format", "json", "--set", store);
    JsonNode e = new ObjectMapper().readTree(show.out()).get("execution");
    assertThat(e.get("jobName").asText()).isEqualTo("tracked");
    assertThat(e.get("jobType").asText()).isEqualTo("PIPELINE");
    assertThat(e.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(e.get("platform").asText()).isEqualTo("local");
    assertThat(e.at("/stakeholders/0").asText()).isEqualTo("ops@example.com");
    assertThat(e.at("/tags/team").asText()).isEqualTo("retail");
    assertThat(e.at("/tags/owner").asText()).isEqualTo("data-team");
    assertThat(e.at("/metrics/dataReadBytes").asLong()).isPositive();
    assertThat(e.get("error").isNull()).isTrue();
  }

  @Test
  void storeFailureAfterTheRunIsOneLineExitOneAndKeepsTheRunDirectory() throws Exception {
    Path runDir = Files.createDirectories(dir.resolve("runs/run-7"));
    Instant start = Instant.parse("2026-11-25T08:00:00Z");
    PipelineSpec spec =
        new PipelineSpec(
            "p", null, null, null, null, null, null, null, null, null, null, null, null, null);
    RunResult result =
        new RunResult(
            new RunRecord(
                "run-7",
                RunStatus.SUCCEEDED,
                null,
                null,
                spec,
                "local[2]",
                runDir.toString(),
                runDir.resolve("eventlog").toString(),
                start,
                start.plusSeconds(3),
                3000,
                List.of(),
                List.of(),
                List.of(),
                "no log",
                0),
            null,
            runDir);
    StringWriter err = new StringWriter();

    int exit =
        StoreRecording.recordRun(
            result,
            Settings.of(Map.of("store.type", "mongo")),
            "strands run",
            new PrintWriter(err, true),
            Clock.systemUTC());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith(
            "strands: Cannot record run run-7 in the tracking store: Invalid store type: 'mongo'")
        .endsWith(
            "(the run directory "
                + runDir
                + " and its outputs are kept; --no-track skips recording)")
        .doesNotContain("\n");
    assertThat(runDir).isDirectory();
  }
}
