package io.strandsetl.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SinkFormat;
import io.strandsetl.model.pipeline.SourceFormat;
import io.strandsetl.model.pipeline.WriteMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineParserTest {
  private static final String VALID =
      """
      name: customer-orders
      description: Daily order totals per customer
      owner: data-eng
      stakeholders: [ana@example.com, bo@example.com]
      tags:
        team: growth
        cost_center: CC-42
        environment: prod
        priority: high
      sources:
        - name: orders
          format: parquet
          path: data/orders
          incremental:
            watermark_column: updated_at
            initial_value: "2024-01-01 00:00:00"
        - name: customers
          format: csv
          path: data/customers.csv
          options:
            header: true
      transforms:
        - name: totals
          sql: |
            SELECT c.id, sum(o.amount) AS total
            FROM orders o JOIN customers c ON o.customer_id = c.id
            GROUP BY c.id
          cache: true
      sinks:
        - from: totals
          path: out/totals
          mode: append
          partition_by: [id]
          target_file_size: 64MB
      quality:
        rules:
          - {column: total, check: not_null}
      budget:
        monthly_usd: 120.5
      platform:
        preferred: emr
        constraints: {max_cost_usd: 3}
      engine:
        master: local[2]
        conf:
          spark.sql.shuffle.partitions: 8
      """;

  @Test
  void readsEveryDocumentedSection() {
    PipelineSpec spec = PipelineParser.parse("pipeline.yaml", VALID);

    assertThat(spec.name()).isEqualTo("customer-orders");
    assertThat(spec.stakeholders()).containsExactly("ana@example.com", "bo@example.com");
    assertThat(spec.tags().costCenter()).isEqualTo("CC-42");
    assertThat(spec.sources())
        .extracting(s -> s.format())
        .containsExactly(SourceFormat.PARQUET, SourceFormat.CSV);
    assertThat(spec.sources().get(0).incremental().watermarkColumn()).isEqualTo("updated_at");
    assertThat(spec.sources().get(1).options()).containsEntry("header", "true");
    assertThat(spec.transforms().get(0).cache()).isTrue();
    assertThat(spec.transforms().get(0).sql()).startsWith("SELECT c.id").doesNotEndWith("\n");
    var sink = spec.sinks().get(0);
    assertThat(sink.name()).isEqualTo("totals");
    assertThat(sink.format()).isEqualTo(SinkFormat.PARQUET);
    assertThat(sink.mode()).isEqualTo(WriteMode.APPEND);
    assertThat(sink.partitionBy()).containsExactly("id");
    assertThat(sink.targetFileSizeBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(spec.budget()).containsEntry("monthly_usd", 120.5);
    assertThat(spec.quality().get("rules"))
        .isEqualTo(List.of(Map.of("column", "total", "check", "not_null")));
    assertThat(spec.platform()).containsEntry("preferred", "emr");
    assertThat(spec.engine().master()).isEqualTo("local[2]");
    assertThat(spec.engine().conf()).containsEntry("spark.sql.shuffle.partitions", "8");
  }

  @Test
  void reportsUnknownKeyWithLineColumnAndClosestKey() {
    String yaml = VALID.replace("sinks:", "sinkz:");

    assertThatThrownBy(() -> PipelineParser.parse("pipeline.yaml", yaml))
        .isInstanceOf(InvalidPipelineException.class)
        .hasMessage("pipeline.yaml:29:1: unknown key 'sinkz' (did you mean 'sinks'?)")
        .satisfies(
            e -> assertThat(((StrandsException) e).code()).isEqualTo(ErrorCode.INVALID_PIPELINE));
  }

  @Test
  void reportsEveryProblemOfTheFileAtOnceOnOneLine() {
    String yaml =
        """
        name: p
        sources:
          - name: a
            format: parqet
            pth: x
        sinks:
          - from: nope
            path: out
            mode: upsert
            target_file_size: lots
        """;

    InvalidPipelineException e =
        (InvalidPipelineException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> PipelineParser.parse("p.yaml", yaml));

    assertThat(e.problems())
        .containsExactly(
            "p.yaml:4:13: invalid format 'parqet' in source 'a' (did you mean 'parquet'?) (one of: parquet, csv, json, orc, jdbc)",
            "p.yaml:5:5: unknown key 'pth' (did you mean 'path'?)",
            "p.yaml:7:11: unknown view 'nope' in sink 'nope' (sources and transforms are views)",
            "p.yaml:9:11: invalid mode 'upsert' in sink 'nope' (one of: overwrite, append)",
            "p.yaml:10:23: invalid target_file_size 'lots' (a positive size such as 128MB or 134217728; units are binary: 1MB = 1048576 bytes)");
    assertThat(e.getMessage()).doesNotContain("\n");
  }

  @Test
  void reportsYamlSyntaxErrorWithPosition() {
    String yaml = "name: p\nsources:\n  - name: a\n   format: csv\n";

    assertThatThrownBy(() -> PipelineParser.parse("bad.yaml", yaml))
        .hasMessageStartingWith("bad.yaml:4:")
        .hasMessageContaining("invalid YAML")
        .hasMessageNotContaining("\n");
  }

  @Test
  void rejectsDuplicateViewNamesAndBadIdentifiers() {
    String yaml =
        """
        name: p
        sources:
          - {name: orders, format: csv, path: a.csv}
        transforms:
          - {name: ORDERS, sql: select 1}
          - {name: my-view, sql: select 2}
        sinks:
          - {from: orders, path: out}
        """;

    assertThatThrownBy(() -> PipelineParser.parse("p.yaml", yaml))
        .hasMessageContaining("p.yaml:5:12: duplicate view name 'ORDERS'")
        .hasMessageContaining("p.yaml:6:12: invalid view name 'my-view'");
  }

  @Test
  void requiresUrlAndTableForJdbcSources() {
    String yaml =
        """
        name: p
        sources:
          - {name: t, format: jdbc, path: x}
        sinks:
          - {from: t, path: out}
        """;

    assertThatThrownBy(() -> PipelineParser.parse("p.yaml", yaml))
        .hasMessageContaining("a jdbc source reads a 'table', not a 'path'")
        .hasMessageContaining("missing required option 'url' for jdbc source 't'");
  }

  @Test
  void sinkWritesLastTransformWhenFromIsOmitted() {
    String yaml =
        """
        name: p
        sources:
          - {name: a, format: json, path: in.json}
        transforms:
          - {name: b, sql: select * from a}
        sinks:
          - {path: out, format: csv, target_file_size: 1.5 MiB}
        """;

    var sink = PipelineParser.parse("p.yaml", yaml).sinks().get(0);

    assertThat(sink.from()).isEqualTo("b");
    assertThat(sink.format()).isEqualTo(SinkFormat.CSV);
    assertThat(sink.targetFileSizeBytes()).isEqualTo(1_572_864L);
  }

  @Test
  void missingFileIsAUserError(@TempDir Path dir) {
    assertThatThrownBy(() -> PipelineParser.parse(dir.resolve("none.yaml")))
        .isInstanceOf(StrandsException.class)
        .hasMessageContaining("Cannot read pipeline")
        .extracting(e -> ((StrandsException) e).code())
        .isEqualTo(ErrorCode.PATH_NOT_FOUND);
  }

  @Test
  void emptyFileSaysWhatIsExpected(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("e.yaml"), "# nothing\n");

    assertThatThrownBy(() -> PipelineParser.parse(file))
        .hasMessageEndingWith(":1:1: empty pipeline (expected keys name, sources, sinks)");
  }
}
