package io.strandsetl.spark.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.engine.report.JsonReportRenderer;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real pipelines on embedded Spark (local[2]). Each run starts and stops its own SparkContext
 * because the event log directory is per run; runs are sequential.
 */
class PipelineRunnerTest {
  @TempDir Path dir;

  private Path orders() throws IOException {
    Path csv = dir.resolve("in/orders.csv");
    Files.createDirectories(csv.getParent());
    Files.writeString(
        csv,
        """
        id,customer,amount,seq
        1,ana,10.5,1
        2,bo,20.0,2
        3,ana,4.5,3
        """);
    return csv;
  }

  private PipelineSpec spec(String yaml) {
    return PipelineParser.parse("test.yaml", yaml.replace("$DIR", dir.toString()));
  }

  private RunOptions options() {
    return new RunOptions(
        "local[2]",
        null,
        dir.resolve("strands-data"),
        Map.of("spark.sql.shuffle.partitions", "2", "spark.ui.enabled", "false"),
        null,
        false,
        null);
  }

  private static final String TOTALS =
      """
      name: totals
      sources:
        - {name: orders, format: csv, path: $DIR/in/orders.csv, options: {header: true, inferSchema: true}}
      transforms:
        - name: totals
          sql: SELECT customer, sum(amount) AS total FROM orders GROUP BY customer
      sinks:
        - {from: totals, path: $DIR/out/totals, format: csv, options: {header: true}}
      """;

  @Test
  void runsPipelinePublishesOutputAndReportsFromItsOwnEventLog() throws Exception {
    orders();

    RunResult result = new PipelineRunner().run(spec(TOTALS), options());

    assertThat(result.exitCode()).isZero();
    assertThat(csvRows(dir.resolve("out/totals"))).containsExactlyInAnyOrder("ana,15.0", "bo,20.0");
    assertThat(result.record().steps())
        .extracting(s -> s.kind() + ":" + s.name() + ":" + s.status())
        .containsExactly(
            "source:orders:SUCCEEDED",
            "transform:totals:SUCCEEDED",
            "sink:totals:SUCCEEDED",
            "publish:totals:SUCCEEDED");
    assertThat(result.runDir()).startsWith(dir.resolve("strands-data/runs"));
    assertThat(result.runDir().getFileName().toString()).isEqualTo(result.record().executionId());
    try (Stream<Path> logs = Files.list(result.runDir().resolve("eventlog"))) {
      assertThat(logs.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("eventlog_v2_"));
    }
    assertThat(result.record().analysisError()).isNull();
    JsonNode json =
        JsonReportRenderer.mapper().readTree(result.runDir().resolve("report.json").toFile());
    assertThat(json.at("/run/status").asText()).isEqualTo("SUCCEEDED");
    assertThat(json.at("/run/pipeline/name").asText()).isEqualTo("totals");
    assertThat(json.at("/application/name").asText()).isEqualTo("totals");
    assertThat(json.at("/metrics/outputRecords").asLong()).isEqualTo(2);
    assertThat(Files.readString(result.runDir().resolve("report.html")))
        .contains("Run " + result.record().executionId())
        .contains("SUCCEEDED");
    assertThat(result.runDir().resolve("run.json")).exists();
    assertThat(leftovers(dir.resolve("out"))).isEmpty();
  }

  @Test
  void failingStepLeavesPreviousOutputUntouchedAndStillReports() throws Exception {
    orders();
    new PipelineRunner().run(spec(TOTALS), options());
    Map<String, String> before = hashes(dir.resolve("out/totals"));

    String failing =
        TOTALS.replace(
            "SELECT customer, sum(amount) AS total FROM orders GROUP BY customer",
            "SELECT customer, if(amount < 15, amount, raise_error('amount too large')) AS total FROM orders");
    RunResult result = new PipelineRunner().run(spec(failing), options());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.record().status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.record().failingStep()).isEqualTo("sink 'totals'");
    assertThat(result.record().error()).contains("amount too large").doesNotContain("\n");
    assertThat(result.record().steps())
        .extracting(s -> s.name() + ":" + s.status())
        .containsExactly("orders:SUCCEEDED", "totals:SUCCEEDED", "totals:FAILED");
    assertThat(hashes(dir.resolve("out/totals"))).isEqualTo(before);
    assertThat(leftovers(dir.resolve("out"))).isEmpty();
    JsonNode json =
        JsonReportRenderer.mapper().readTree(result.runDir().resolve("report.json").toFile());
    assertThat(json.at("/run/status").asText()).isEqualTo("FAILED");
    assertThat(json.at("/run/error").asText()).contains("amount too large");
    assertThat(json.at("/metrics/failedTasks").asLong()).isPositive();
  }

  @Test
  void sqlErrorIsASpecErrorNamingTheStepAndWritesNothing() throws Exception {
    orders();
    String bad = TOTALS.replace("sum(amount)", "sum(amount_usd)");

    assertThatThrownBy(() -> new PipelineRunner().run(spec(bad), options()))
        .isInstanceOf(StrandsException.class)
        .hasMessageStartingWith("Invalid step 'totals': ")
        .hasMessageContaining("amount_usd")
        .hasMessageNotContaining("\n")
        .extracting(e -> ((StrandsException) e).code())
        .isEqualTo(ErrorCode.INVALID_PIPELINE);
    assertThat(dir.resolve("out")).doesNotExist();
    try (Stream<Path> runs = Files.list(dir.resolve("strands-data/runs"))) {
      assertThat(runs).isEmpty();
    }
  }

  @Test
  void missingSourceAndFileSinkAreRejectedBeforeSparkStarts() throws Exception {
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/totals"), "not a directory");

    assertThatThrownBy(() -> new PipelineRunner().run(spec(TOTALS), options()))
        .hasMessage(
            "Invalid source 'orders': path "
                + dir.resolve("in/orders.csv")
                + " does not exist (check path); Invalid sink 'totals': path "
                + dir.resolve("out/totals")
                + " is a file (a sink writes a directory)");
    assertThat(dir.resolve("strands-data")).doesNotExist();
  }

  @Test
  void incrementalSourceReadsOnlyRowsAboveTheStoredWatermark() throws Exception {
    Path in = dir.resolve("in/events");
    Files.createDirectories(in);
    Files.writeString(in.resolve("a.csv"), "seq,v\n1,a\n2,b\n3,c\n");
    String yaml =
        """
        name: events
        sources:
          - name: events
            format: csv
            path: $DIR/in/events
            options: {header: true, inferSchema: true}
            incremental: {watermark_column: seq, initial_value: "1"}
        sinks:
          - {from: events, path: $DIR/out/events, format: csv, mode: append}
        """;

    RunResult first = new PipelineRunner().run(spec(yaml), options());
    Files.writeString(in.resolve("b.csv"), "seq,v\n2,late\n4,d\n5,e\n");
    RunResult second = new PipelineRunner().run(spec(yaml), options());

    assertThat(first.record().watermarks())
        .containsExactly(new WatermarkRecord("events", "seq", "1", "3"));
    assertThat(second.record().watermarks())
        .containsExactly(new WatermarkRecord("events", "seq", "3", "5"));
    assertThat(csvRows(dir.resolve("out/events")))
        .containsExactlyInAnyOrder("2,b", "3,c", "4,d", "5,e");
    JsonNode state =
        JsonReportRenderer.mapper()
            .readTree(dir.resolve("strands-data/state/events/events.json").toFile());
    assertThat(state.get("watermark").asText()).isEqualTo("5");
    assertThat(state.get("executionId").asText()).isEqualTo(second.record().executionId());

    // A failed run reads the new rows but neither publishes them nor moves the watermark.
    Files.writeString(in.resolve("c.csv"), "seq,v\n6,f\n");
    String failing =
        yaml.replace(
                "sinks:",
                "transforms:\n  - {name: checked, sql: \"SELECT seq, if(seq < 6, v, raise_error('boom')) AS v FROM events\"}\nsinks:")
            .replace("from: events", "from: checked");
    RunResult third = new PipelineRunner().run(spec(failing), options());

    assertThat(third.exitCode()).isEqualTo(1);
    assertThat(third.record().watermarks())
        .containsExactly(new WatermarkRecord("events", "seq", "5", "5"));
    assertThat(
            JsonReportRenderer.mapper()
                .readTree(dir.resolve("strands-data/state/events/events.json").toFile())
                .get("watermark")
                .asText())
        .isEqualTo("5");
    assertThat(csvRows(dir.resolve("out/events"))).hasSize(4);
  }

  @Test
  void targetFileSizeMakesFilesLandNearTheTarget() throws Exception {
    orders();
    // 400k rows of 64 hex characters: about 27 MB of parquet that does not compress away.
    String generate =
        """
        name: generate
        sources:
          - {name: orders, format: csv, path: $DIR/in/orders.csv}
        transforms:
          - name: rows
            sql: SELECT id, sha2(cast(id AS string), 256) AS h FROM range(0, 400000, 1, 2)
        sinks:
          - {from: rows, path: $DIR/big}
        """;
    new PipelineRunner().run(spec(generate), options());
    long target = 4L * 1024 * 1024;
    String resize =
        """
        name: resize
        sources:
          - {name: big, format: parquet, path: $DIR/big}
        sinks:
          - {from: big, path: $DIR/sized, target_file_size: 4MB}
        """;

    SinkRecord sink = new PipelineRunner().run(spec(resize), options()).record().sinks().get(0);

    System.out.printf(
        "target-file-size: target=%d estimated=%d planned=%d files=%d bytes=%d average=%d%n",
        target,
        sink.estimatedBytes(),
        sink.plannedFiles(),
        sink.files(),
        sink.bytes(),
        sink.averageFileBytes());
    assertThat(sink.plannedFiles()).isGreaterThan(2);
    assertThat(sink.rewritten()).isFalse(); // the estimate was close: no second pass
    assertThat(sink.files()).isEqualTo(sink.plannedFiles().longValue());
    assertThat(sink.averageFileBytes()).isBetween(target / 2, target * 2);
  }

  /**
   * A join of three ranges, aggregated: Spark's size estimate of a join is the product of its sides
   * (here far above 1 PiB), i.e. unknown, as for the joined demo summaries. About 2.4 MB of parquet
   * (SHA-256 hex does not compress much), split over {@code $PARTS} shuffle partitions.
   */
  private static final String JOINED =
      """
      name: joined
      sources:
        - {name: orders, format: csv, path: $DIR/in/orders.csv}
      transforms:
        - name: joined
          sql: |
            SELECT id, id % 3 AS p, h FROM (
              SELECT a.id * 2 AS id, first(sha2(cast(a.id AS string), 256)) AS h
              FROM range(0, 32000, 1, 4) a
              JOIN range(0, 32000, 1, 4) b ON a.id = b.id
              JOIN range(0, 32000, 1, 4) c ON a.id = c.id
              GROUP BY a.id * 2)
      sinks:
        - {from: joined, path: $DIR/out/joined, target_file_size: 512KB$PARTITION}
      """;

  private static final long TARGET_512K = 512L * 1024;

  /** No AQE, so the shuffle partitions (and so the first write's files) are as configured. */
  private RunOptions options(int shufflePartitions) {
    return new RunOptions(
        "local[2]",
        null,
        dir.resolve("strands-data"),
        Map.of(
            "spark.sql.shuffle.partitions",
            Integer.toString(shufflePartitions),
            "spark.sql.adaptive.enabled",
            "false",
            "spark.ui.enabled",
            "false"),
        null,
        false,
        null);
  }

  private SinkRecord runJoined(int shufflePartitions, String partition) throws Exception {
    orders();
    RunResult result =
        new PipelineRunner()
            .run(spec(JOINED.replace("$PARTITION", partition)), options(shufflePartitions));
    assertThat(result.record().error()).isNull();
    SinkRecord sink = result.record().sinks().get(0);
    System.out.printf(
        "target-file-size %s: target=%d estimated=%s firstWrite=%d rewritten=%s files=%d"
            + " bytes=%d average=%d sizes=%s%n",
        partition.isEmpty() ? "unpartitioned" : "partitioned",
        TARGET_512K,
        sink.estimatedBytes(),
        sink.firstWriteFiles(),
        sink.rewritten(),
        sink.files(),
        sink.bytes(),
        sink.averageFileBytes(),
        partFileSizes(dir.resolve("out/joined")));
    return sink;
  }

  @Test
  void joinedViewWithUnknownEstimateIsRewrittenToFilesNearTheTarget() throws Exception {
    SinkRecord sink = runJoined(24, "");

    assertThat(sink.estimatedBytes()).isNull();
    assertThat(sink.plannedFiles()).isNull();
    assertThat(sink.rewritten()).isTrue();
    assertThat(sink.firstWriteFiles()).isGreaterThan(sink.files());
    Map<String, List<Long>> sizes = partFileSizes(dir.resolve("out/joined"));
    List<Long> files = sizes.values().stream().flatMap(List::stream).toList();
    assertThat(files).hasSize((int) sink.files());
    assertThat(files).allSatisfy(b -> assertThat(b).isBetween(TARGET_512K / 2, TARGET_512K * 2));
    assertThat(parquetRows(dir.resolve("out/joined"))).isEqualTo(32000);
    assertThat(leftovers(dir.resolve("out"))).isEmpty();
  }

  @Test
  void partitionedOutputIsRewrittenPerPartitionDirectory() throws Exception {
    SinkRecord sink = runJoined(24, ", partition_by: [p]");

    assertThat(sink.rewritten()).isTrue();
    Map<String, List<Long>> sizes = partFileSizes(dir.resolve("out/joined"));
    assertThat(sizes.keySet()).containsExactly("p=0", "p=1", "p=2");
    sizes.forEach(
        (partition, files) -> {
          long bytes = files.stream().mapToLong(Long::longValue).sum();
          long ideal = Math.max(1, (bytes + TARGET_512K - 1) / TARGET_512K);
          // At most one short remainder file per directory beyond ceil(bytes / target).
          assertThat(files.size()).as(partition).isBetween((int) ideal, (int) ideal + 1);
          assertThat(bytes / files.size())
              .as(partition)
              .isBetween(TARGET_512K / 2, TARGET_512K * 2);
          assertThat(files)
              .as(partition)
              .allSatisfy(b -> assertThat(b).isLessThan(TARGET_512K * 2));
        });
    assertThat(parquetRows(dir.resolve("out/joined"))).isEqualTo(32000);
  }

  @Test
  void outputAlreadyNearTheTargetIsNotRewritten() throws Exception {
    SinkRecord sink = runJoined(5, "");

    assertThat(sink.estimatedBytes()).isNull();
    assertThat(sink.rewritten()).isFalse();
    assertThat(sink.files()).isEqualTo(sink.firstWriteFiles()).isEqualTo(5);
    List<Long> files =
        partFileSizes(dir.resolve("out/joined")).values().stream().flatMap(List::stream).toList();
    assertThat(files).allSatisfy(b -> assertThat(b).isBetween(TARGET_512K / 2, TARGET_512K * 2));
  }

  @Test
  void partitionLargerThanTheTargetIsSplitInsteadOfOneFilePerDirectory() throws Exception {
    runJoined(5, ""); // 2.2 MB of parquet: a source whose size Spark does estimate
    String split =
        """
        name: split
        sources:
          - {name: joined, format: parquet, path: $DIR/out/joined}
        sinks:
          - {from: joined, path: $DIR/out/split, partition_by: [p], target_file_size: 256KB}
        """;

    SinkRecord sink = new PipelineRunner().run(spec(split), options(5)).record().sinks().get(0);

    Map<String, List<Long>> sizes = partFileSizes(dir.resolve("out/split"));
    System.out.printf(
        "target-file-size split: estimated=%d planned=%d firstWrite=%d rewritten=%s sizes=%s%n",
        sink.estimatedBytes(),
        sink.plannedFiles(),
        sink.firstWriteFiles(),
        sink.rewritten(),
        sizes);
    long target = 256L * 1024;
    // Hashing by p alone puts each ~750 KB partition in one file (about 3x the target) ...
    assertThat(sink.estimatedBytes()).isNotNull();
    assertThat(sink.firstWriteFiles()).isEqualTo(3);
    // ... which the measured rewrite splits into files of about the target.
    assertThat(sink.rewritten()).isTrue();
    assertThat(sizes.keySet()).containsExactly("p=0", "p=1", "p=2");
    sizes.forEach(
        (partition, files) -> {
          assertThat(files.size()).as(partition).isGreaterThanOrEqualTo(3);
          assertThat(files).as(partition).allSatisfy(b -> assertThat(b).isLessThan(target * 2));
        });
    assertThat(parquetRows(dir.resolve("out/split"))).isEqualTo(32000);
  }

  /** Sizes in bytes of the part files under {@code out}, by directory relative to it. */
  private static Map<String, List<Long>> partFileSizes(Path out) throws IOException {
    Map<String, List<Long>> sizes = new TreeMap<>();
    if (!Files.exists(out)) {
      return sizes;
    }
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        sizes
            .computeIfAbsent(out.relativize(p.getParent()).toString(), k -> new ArrayList<>())
            .add(Files.size(p));
      }
    }
    return sizes;
  }

  /** Row count of a parquet directory, read by a fresh local session. */
  private static long parquetRows(Path out) {
    org.apache.spark.sql.SparkSession spark =
        org.apache.spark.sql.SparkSession.builder()
            .master("local[1]")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      return spark.read().parquet(out.toString()).count();
    } finally {
      spark.stop();
      org.apache.spark.sql.SparkSession.clearActiveSession();
      org.apache.spark.sql.SparkSession.clearDefaultSession();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** Data lines of every CSV part file under {@code dir}, header lines dropped. */
  private static List<String> csvRows(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("part-"))
          .filter(p -> p.getFileName().toString().endsWith(".csv"))
          .flatMap(
              p -> {
                try {
                  return Files.readAllLines(p, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .filter(l -> !l.startsWith("customer,") && !l.startsWith("seq,") && !l.isBlank())
          .toList();
    }
  }

  static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(
            dir.relativize(p).toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  static List<String> leftovers(Path parent) throws IOException {
    try (Stream<Path> entries = Files.list(parent)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains(StagedOutput.STAGING) || n.contains(StagedOutput.BACKUP))
          .toList();
    }
  }
}
