package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir Path tmp;

  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StrandsCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Path job() throws IOException {
    return Files.writeString(
        tmp.resolve("job.py"),
        "# strands: small-table dim_store\n"
            + "stores = spark.table('dim_store')\n"
            + "out = spark.table('sales').join(stores, 'store_id')\n"
            + "rows = out.collect()\n");
  }

  @Test
  void printsFindingsAsTextAndExitsZero() throws IOException {
    Path job = job();
    Result r = run("lint", job.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("Findings: 2 (1 high, 1 medium)")
        .contains(
            "[MEDIUM] missing-broadcast — Join with small table dim_store without broadcast()")
        .contains("    where:    " + job + ":3")
        .contains("[HIGH] collect-to-driver");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void writesJsonWithTheFindingShapeOfAnalyze() throws IOException {
    Path job = job();
    Path report = tmp.resolve("lint.json");
    Result r = run("lint", job.toString(), "--format", "json", "--out", report.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEqualTo("strands: wrote " + report + System.lineSeparator());
    JsonNode root = new ObjectMapper().readTree(Files.readString(report));
    assertThat(root.get("schemaVersion").asText()).isEqualTo("1.0");
    assertThat(root.get("files").get(0).asText()).isEqualTo(job.toString());
    JsonNode first = root.get("findings").get(0);
    assertThat(first.get("type").asText()).isEqualTo("missing-broadcast");
    assertThat(first.get("id").asText()).isEqualTo("missing-broadcast@" + job + ":3");
    assertThat(first.get("location").get("line").asInt()).isEqualTo(3);
    assertThat(first.get("recommendation").get("pyspark").asText()).contains("broadcast(");
    assertThat(root.get("notes").isArray()).isTrue();
  }

  @Test
  void smallTableOptionDeclaresTablesForEveryFile() throws IOException {
    Path sql =
        Files.writeString(tmp.resolve("q.sql"), "SELECT f.a FROM f\nJOIN dim_x d ON f.k = d.k");
    assertThat(run("lint", sql.toString()).out()).contains("Findings: 0");
    assertThat(run("lint", sql.toString(), "--small-table", "dim_x").out())
        .contains("missing-broadcast");
  }

  @Test
  void failOnExitsOneWhenAFindingIsThatSevere() throws IOException {
    Path job = job();
    Result high = run("lint", job.toString(), "--fail-on", "high");
    assertThat(high.exitCode()).isEqualTo(1);
    assertThat(high.err()).contains("strands: 1 finding(s) at high or above");
    assertThat(run("lint", job.toString(), "--fail-on", "critical").exitCode()).isZero();
  }

  @Test
  void missingFileIsOneLineAndExitTwo() {
    Path missing = tmp.resolve("missing.sql");
    Result r = run("lint", missing.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("strands: Cannot lint " + missing + ": no such file" + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unsupportedExtensionBadFormatAndBadSeverityExitTwo() throws IOException {
    Path txt = Files.writeString(tmp.resolve("a.txt"), "x");
    Result ext = run("lint", txt.toString());
    assertThat(ext.exitCode()).isEqualTo(2);
    assertThat(ext.err())
        .contains(
            "Invalid file to lint: " + txt + " (unsupported extension; known: .sql, .py, .scala)");
    Path job = job();
    assertThat(run("lint", job.toString(), "--format", "html").err())
        .contains("Invalid format: 'html' (known: text, json)");
    assertThat(run("lint", job.toString(), "--fail-on", "urgent").exitCode()).isEqualTo(2);
  }

  @Test
  void noFileIsAUsageError() {
    Result r = run("lint");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("FILE");
  }
}
