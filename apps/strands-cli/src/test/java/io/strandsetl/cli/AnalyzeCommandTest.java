package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strandsetl.testkit.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  @TempDir Path tmp;

  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StrandsCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** A minimal but real-shaped event log: one job, one stage, two tasks. */
  static String tinyLog(String appName) {
    String name = appName.replace("\"", "\\\"");
    return String.join(
        "\n",
        "{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"4.1.3\"}",
        "{\"Event\":\"SparkListenerEnvironmentUpdate\",\"JVM Information\":{},\"Spark Properties\":{\"spark.master\":\"local[2]\",\"spark.executor.memory\":\"1g\"},\"Hadoop Properties\":{},\"System Properties\":{},\"Classpath Entries\":{}}",
        "{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\""
            + name
            + "\",\"App ID\":\"local-1\",\"Timestamp\":1700000000000,\"User\":\"me\"}",
        "{\"Event\":\"SparkListenerExecutorAdded\",\"Timestamp\":1700000000100,\"Executor ID\":\"driver\",\"Executor Info\":{\"Host\":\"localhost\",\"Total Cores\":2,\"Log Urls\":{}}}",
        "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":0,\"Submission Time\":1700000001000,\"Stage Infos\":[{\"Stage ID\":0,\"Stage Attempt ID\":0,\"Stage Name\":\"count at x.scala:1\",\"Number of Tasks\":2,\"RDD Info\":[],\"Parent IDs\":[],\"Details\":\"\",\"Accumulables\":[]}],\"Stage IDs\":[0],\"Properties\":{}}",
        "{\"Event\":\"SparkListenerStageSubmitted\",\"Stage Info\":{\"Stage ID\":0,\"Stage Attempt ID\":0,\"Stage Name\":\"count at x.scala:1\",\"Number of Tasks\":2,\"RDD Info\":[],\"Parent IDs\":[],\"Details\":\"\",\"Submission Time\":1700000001000,\"Accumulables\":[]},\"Properties\":{}}",
        task(0, 1700000001000L, 1700000002000L),
        task(1, 1700000001000L, 1700000001500L),
        "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":{\"Stage ID\":0,\"Stage Attempt ID\":0,\"Stage Name\":\"count at x.scala:1\",\"Number of Tasks\":2,\"RDD Info\":[],\"Parent IDs\":[],\"Details\":\"\",\"Submission Time\":1700000001000,\"Completion Time\":1700000002000,\"Accumulables\":[]}}",
        "{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":0,\"Completion Time\":1700000002000,\"Job Result\":{\"Result\":\"JobSucceeded\"}}",
        "{\"Event\":\"SparkListenerApplicationEnd\",\"Timestamp\":1700000003000}",
        "");
  }

  private static String task(int index, long launch, long finish) {
    return "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":0,\"Stage Attempt ID\":0,\"Task Type\":\"ResultTask\",\"Task End Reason\":{\"Reason\":\"Success\"},"
        + "\"Task Info\":{\"Task ID\":"
        + index
        + ",\"Index\":"
        + index
        + ",\"Attempt\":0,\"Launch Time\":"
        + launch
        + ",\"Executor ID\":\"driver\",\"Host\":\"localhost\",\"Locality\":\"PROCESS_LOCAL\",\"Speculative\":false,\"Getting Result Time\":0,\"Finish Time\":"
        + finish
        + ",\"Failed\":false,\"Killed\":false,\"Accumulables\":[]},"
        + "\"Task Metrics\":{\"Executor Deserialize Time\":1,\"Executor Deserialize CPU Time\":1000,\"Executor Run Time\":"
        + (finish - launch)
        + ",\"Executor CPU Time\":"
        + (finish - launch) * 500_000
        + ",\"Result Size\":100,\"JVM GC Time\":0,\"Result Serialization Time\":0,\"Memory Bytes Spilled\":0,\"Disk Bytes Spilled\":0,"
        + "\"Shuffle Read Metrics\":{\"Remote Blocks Fetched\":0,\"Local Blocks Fetched\":0,\"Fetch Wait Time\":0,\"Remote Bytes Read\":0,\"Local Bytes Read\":0,\"Total Records Read\":0},"
        + "\"Shuffle Write Metrics\":{\"Shuffle Bytes Written\":0,\"Shuffle Write Time\":0,\"Shuffle Records Written\":0},"
        + "\"Input Metrics\":{\"Bytes Read\":1000,\"Records Read\":10},\"Output Metrics\":{\"Bytes Written\":0,\"Records Written\":0},\"Updated Blocks\":[]}}";
  }

  @Test
  void missingPathIsAUserErrorWithOneLine() {
    Result r = run("analyze", tmp.resolve("nope.zstd").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("nope.zstd");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void randomBytesAreNotAnEventLog() throws Exception {
    Path garbage = tmp.resolve("garbage.bin");
    byte[] bytes = new byte[64 * 1024];
    new Random(7).nextBytes(bytes);
    Files.write(garbage, bytes);
    Result r = run("analyze", garbage.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("garbage.bin").doesNotContain("\tat ");
  }

  @Test
  void emptyFileIsAUserError() throws Exception {
    Path empty = Files.createFile(tmp.resolve("empty"));
    Result r = run("analyze", empty.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("empty").doesNotContain("\tat ");
  }

  @Test
  void unknownFormatIsAUserError() throws Exception {
    Path log = Files.writeString(tmp.resolve("app"), tinyLog("demo"));
    Result r = run("analyze", log.toString(), "--format", "pdf");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Invalid format: 'pdf'");
  }

  @Test
  void misspelledDetectorSettingIsReportedWithItsKey() throws Exception {
    Path log = Files.writeString(tmp.resolve("app"), tinyLog("demo"));
    Result r = run("analyze", log.toString(), "--set", "detector.data-skw.min-ratio=3");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("detector.data-skw.min-ratio");
  }

  @Test
  void jsonReportHasTheDocumentedTopLevelFields() throws Exception {
    Path log = Files.writeString(tmp.resolve("app"), tinyLog("demo"));
    Result r = run("analyze", log.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.fieldNames())
        .toIterable()
        .contains("schemaVersion", "application", "metrics", "stages", "sql", "findings");
    assertThat(json.at("/application/name").asText()).isEqualTo("demo");
    assertThat(json.at("/metrics/tasks").asLong()).isEqualTo(2);
    assertThat(json.at("/metrics/inputBytes").asLong()).isEqualTo(2000);
    assertThat(json.at("/stages/0/taskDurationMs/max").asDouble()).isEqualTo(1000.0);
  }

  @Test
  void htmlReportEscapesTheApplicationName() throws Exception {
    Path log = Files.writeString(tmp.resolve("app"), tinyLog("<script>alert(1)</script>"));
    Path out = tmp.resolve("report.html");
    Result r = run("analyze", log.toString(), "--format", "html", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void failedAnalysisLeavesThePreviousOutputIntact() throws Exception {
    Path out = Files.writeString(tmp.resolve("report.json"), "previous");
    Result r =
        run(
            "analyze",
            tmp.resolve("missing").toString(),
            "--format",
            "json",
            "--out",
            out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(Files.readString(out)).isEqualTo("previous");
  }

  @Test
  void textReportOfARealLogNamesFindingsAndFixes() {
    Path log = SharedData.eventLog("spark-rapids-tools/aqeshuffle_eventlog.zstd");
    Result r = run("analyze", log.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Key metrics")
        .contains("Findings:")
        .contains("spill")
        .contains("fix:");
  }
}
