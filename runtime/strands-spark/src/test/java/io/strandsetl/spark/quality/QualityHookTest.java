package io.strandsetl.spark.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.quality.DatasetReport;
import io.strandsetl.quality.QualityReport;
import io.strandsetl.quality.RuleResult;
import io.strandsetl.spark.run.PipelineRunner;
import io.strandsetl.spark.run.RunOptions;
import io.strandsetl.spark.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality hook measures sources and staged outputs of a real run and gates publishing. */
class QualityHookTest {
  @TempDir Path dir;

  private static final String ORDERS =
      """
      order_id,customer_id,state,amount,ts
      1,10,CA,100,2026-11-24 10:00:00
      2,10,CA,50,2026-11-23 10:00:00
      3,11,NY,20,2026-11-22 10:00:00
      4,11,ny,30,2026-11-22 11:00:00
      5,12,TX,-5,2026-11-21 10:00:00
      6,,TX,10,2026-11-21 10:00:00
      7,99,CA,15,2026-11-20 10:00:00
      8,12,TX,40,2026-11-20 10:00:00
      """;

  private static final String PIPELINE =
      """
      name: quality-hooked
      sources:
        - {name: orders, format: csv, path: $DIR/in/orders.csv, options: {header: true, inferSchema: true}}
        - {name: customers, format: csv, path: $DIR/in/customers.csv, options: {header: true, inferSchema: true}}
      transforms:
        - name: summary
          sql: >
            SELECT customer_id, min(state) AS state, count(*) AS orders, sum(amount) AS total
            FROM orders GROUP BY customer_id
      sinks:
        - {from: summary, path: $DIR/out/summary, format: parquet}
      quality:
        post_run: {min_score: 0.5}
        datasets:
          summary: {key: [customer_id], schema: {customer_id: int, orders: bigint}}
        rules:
          - {dataset: orders, type: not_null, columns: [order_id, customer_id]}
          - {dataset: orders, type: range, column: amount, min: 0, max: 1000}
          - {dataset: orders, type: regex, column: state, pattern: "[A-Z]{2}"}
          - {dataset: orders, type: references, column: customer_id, ref_dataset: customers}
          - {dataset: orders, type: fd, determinant: customer_id, dependent: state}
          - {dataset: orders, type: freshness, column: ts, max_age: 2d}
          - {dataset: summary, type: reconcile, against: orders, measure: "sum(orders)"}
          - {dataset: summary, type: reconcile, against: orders, source_measure: "sum(amount)", measure: "sum(total)"}
          - {dataset: summary, type: sql, predicate: "total >= 0"}
          - {dataset: summary, type: allowed_values, column: state, values: [CA, NY, TX]}
      $EXTRA
      """;

  private PipelineSpec spec(String extraRule) throws Exception {
    Files.createDirectories(dir.resolve("in"));
    Files.writeString(dir.resolve("in/orders.csv"), ORDERS);
    Files.writeString(dir.resolve("in/customers.csv"), "customer_id,name\n10,a\n11,b\n12,c\n");
    String yaml = PIPELINE.replace("$DIR", dir.toString()).replace("$EXTRA", extraRule);
    return PipelineParser.parse("quality-hooked.yaml", yaml);
  }

  private QualityHook hook(PipelineSpec spec) {
    return QualityHook.forPipeline(
            spec, Settings.of(Map.of("quality.history-dir", dir.resolve("history").toString())))
        .withClock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
  }

  private RunResult run(PipelineSpec spec, QualityHook hook) {
    RunOptions options =
        new RunOptions(
                "local[2]",
                null,
                dir.resolve("strands-data"),
                Map.of("spark.sql.shuffle.partitions", "2", "spark.ui.enabled", "false"),
                null,
                false,
                null)
            .withHooks(List.of(hook));
    return new PipelineRunner().run(spec, options);
  }

  private static RuleResult rule(DatasetReport report, String type) {
    return report.rules().stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
  }

  @Test
  void scoresSourcesBeforeTheRunAndOutputsBeforePublishingAndWritesQualityJson() throws Exception {
    PipelineSpec spec = spec("");
    QualityHook hook = hook(spec);

    RunResult result = run(spec, hook);

    assertThat(result.exitCode()).as(result.record().error()).isZero();
    QualityReport report = hook.outcome().orElseThrow();
    DatasetReport orders = report.datasets().get(0);
    assertThat(orders.dataset()).isEqualTo("orders");
    assertThat(orders.role()).isEqualTo("source");
    assertThat(orders.rows()).isEqualTo(8);
    assertThat(rule(orders, "not_null").violations()).isEqualTo(1);
    assertThat(rule(orders, "not_null").evaluated()).isEqualTo(16);
    assertThat(rule(orders, "range").violations()).isEqualTo(1);
    assertThat(rule(orders, "regex").violations()).isEqualTo(1);
    assertThat(rule(orders, "references").violations()).isEqualTo(1);
    assertThat(rule(orders, "references").evaluated()).isEqualTo(7);
    assertThat(rule(orders, "functional_dependency").violations()).isEqualTo(1);
    assertThat(rule(orders, "freshness").passed()).isTrue();
    assertThat(orders.scores().consistency()).isLessThan(1.0);
    assertThat(orders.scores().validity()).isLessThan(1.0);
    assertThat(orders.scores().timeliness()).isEqualTo(1.0);
    assertThat(orders.scores().accuracy()).as("no accuracy check on orders").isNull();
    assertThat(orders.checksFailed()).isEqualTo(5);

    DatasetReport summary = report.datasets().get(1);
    assertThat(summary.role()).isEqualTo("output");
    assertThat(summary.rows()).isEqualTo(5);
    assertThat(summary.scores().accuracy()).isEqualTo(1.0);
    assertThat(summary.scores().timeliness()).isNull();
    assertThat(summary.schemaViolations()).isEmpty();
    assertThat(summary.checksFailed()).isZero();
    assertThat(summary.duplicateRows()).isZero();
    assertThat(report.scores().overall()).isEqualTo(summary.scores().overall());
    assertThat(report.halted()).isEmpty();
    assertThat(Files.readString(result.runDir().resolve("quality.json")))
        .contains("\"dataset\" : \"summary\"")
        .contains("\"timeliness\" : null");
    assertThat(report.summary().orElseThrow().checksPassed()).isEqualTo(summary.checksPassed());
    assertThat(report.historyEntries())
        .extracting(e -> e.dataset())
        .containsExactly("orders", "summary");
  }

  @Test
  void failingCriticalRuleHaltsBeforePublishingAndKeepsThePreviousOutput() throws Exception {
    PipelineSpec ok = spec("");
    assertThat(run(ok, hook(ok)).exitCode()).isZero();
    Path out = dir.resolve("out/summary");
    List<String> before;
    try (var files = Files.list(out)) {
      before = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    PipelineSpec strict =
        spec("    - {dataset: summary, type: row_count, max: 3, severity: critical}");
    QualityHook hook = hook(strict);

    RunResult result = run(strict, hook);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.record().error())
        .isEqualTo(
            "Halted by quality: quality post_run: summary critical rule failed: summary row_count");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(before);
    }
    assertThat(hook.outcome().orElseThrow().halted()).isPresent();
    assertThat(Files.readString(result.runDir().resolve("quality.json")))
        .contains("\"passed\" : false");
  }
}
