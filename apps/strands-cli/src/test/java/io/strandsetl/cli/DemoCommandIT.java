package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo path end to end at a small scale: generate, run the example pipeline, report. */
class DemoCommandIT {
  @TempDir Path work;
  private String previousHome;

  @BeforeEach
  void pointAtTheCheckout() {
    previousHome = System.getProperty("strands.home");
    // Failsafe runs in apps/strands-cli; the examples live at the project root.
    System.setProperty("strands.home", Path.of("../..").toAbsolutePath().normalize().toString());
  }

  @AfterEach
  void restore() {
    if (previousHome == null) {
      System.clearProperty("strands.home");
    } else {
      System.setProperty("strands.home", previousHome);
    }
  }

  private record Result(int exitCode, String out, String err) {}

  private Result demo() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        StrandsCli.execute(
            new String[] {
              "demo", "--scale", "0.01", "--work-dir", work.toString(), "--master", "local[2]"
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void generatesDataRunsTheExamplePipelineAndPointsAtItsReport() throws Exception {
    Result first = demo();

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("generating the retail data (scale 0.01)");
    assertThat(work.resolve("demo-data/retail/_strands_dataset.properties")).exists();
    assertThat(first.out()).contains("customer-order-summary").contains("Where to look next:");
    // The pipeline's outputs went under the work directory, not the project's strands-data.
    assertThat(work.resolve("demo-out/customer-order-summary/monthly")).isDirectory();
    Path runs = work.resolve("runs");
    Path runDir;
    try (Stream<Path> s = Files.list(runs)) {
      runDir = s.findFirst().orElseThrow();
    }
    assertThat(runDir.resolve("report.html")).isRegularFile();
    assertThat(runDir.resolve("report.json")).isRegularFile();
    assertThat(first.out()).contains(runDir.resolve("report.html").toString());
    // With broadcasts off, the 10-row store dimension is sort-merge joined: the report says so.
    assertThat(Files.readString(runDir.resolve("report.json"))).contains("missing-broadcast");

    // Under the Supervisor: every agent concluded, the run is in the demo's own store, the
    // stakeholders' e-mail is an .eml file in the run directory, quality and compliance reports
    // sit next to the analysis.
    assertThat(first.out())
        .contains("Agents — customer-order-summary")
        .containsPattern("decision +DONE")
        .containsPattern("quality +DONE +completeness")
        .containsPattern("compliance +DONE .*PII columns [1-9]")
        .containsPattern("cost +DONE")
        .contains("RECORDED in sqlite");
    assertThat(work.resolve("tracking.db")).isRegularFile();
    assertThat(runDir.resolve("agents.json")).isRegularFile();
    assertThat(runDir.resolve("quality.json")).isRegularFile();
    assertThat(runDir.resolve("compliance.json")).isRegularFile();
    try (Stream<Path> s = Files.list(runDir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith(".eml") && n.contains("customer-order-summary"));
    }
    assertThat(first.out()).contains("./strands serve --set store.sqlite.path=");

    Result second = demo();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err())
        .contains("using the retail data in")
        .doesNotContain("generating the retail data");
    // The second run has the first as history: Learning compares the two.
    assertThat(second.out()).containsPattern("learning +DONE").contains("vs previous run");
    StringWriter history = new StringWriter();
    int code =
        StrandsCli.execute(
            new String[] {
              "history",
              "--format",
              "json",
              "--set",
              "store.sqlite.path=" + work.resolve("tracking.db")
            },
            new PrintWriter(history, true),
            new PrintWriter(new StringWriter(), true));
    assertThat(code).isZero();
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(history.toString())
                .get("executions"))
        .hasSize(2);
  }
}
