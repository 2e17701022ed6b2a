package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `strands run`: exit codes, one-line errors, and nothing written for bad input. */
class RunCommandTest {
  @TempDir Path dir;

  private Path pipeline(String yaml) throws Exception {
    Files.writeString(dir.resolve("in.csv"), "id,amount\n1,5\n2,7\n");
    return Files.writeString(dir.resolve("pipeline.yaml"), yaml.replace("$DIR", dir.toString()));
  }

  private static final String GOOD =
      """
      name: cli-test
      sources:
        - {name: orders, format: csv, path: $DIR/in.csv, options: {header: true, inferSchema: true}}
      transforms:
        - {name: doubled, sql: "SELECT id, amount * 2 AS amount2 FROM orders"}
      sinks:
        - {from: doubled, path: $DIR/out/doubled, format: json}
      """;

  private AnalyzeCommandTest.Result run(Path pipeline, String... extra) {
    String[] args =
        Stream.concat(
                Stream.of(
                    "run",
                    pipeline.toString(),
                    "--master",
                    "local[2]",
                    "--data-dir",
                    dir.resolve("data").toString(),
                    "--conf",
                    "spark.ui.enabled=false",
                    "--set",
                    "store.sqlite.path=" + dir.resolve("tracking.db")),
                Stream.of(extra))
            .toArray(String[]::new);
    return AnalyzeCommandTest.run(args);
  }

  @Test
  void runsPipelineAndPrintsReportAndRunDirectory() throws Exception {
    var r = run(pipeline(GOOD), "--run-dir", dir.resolve("the-run").toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("of pipeline cli-test: SUCCEEDED")
        .contains("Run directory: " + dir.resolve("the-run"));
    assertThat(dir.resolve("the-run/report.json")).exists();
    assertThat(dir.resolve("the-run/report.html")).exists();
    try (Stream<Path> files = Files.list(dir.resolve("out/doubled"))) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".json"));
    }
  }

  @Test
  void failedRunExitsOneAndSaysWhere() throws Exception {
    Path p =
        pipeline(
            GOOD.replace("amount * 2 AS amount2", "raise_error(concat('bad id ', id)) AS amount2"));

    var r = run(p);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("strands: run FAILED at sink 'doubled': ").contains("bad id 1");
    assertThat(r.out()).contains("FAILED");
    assertThat(dir.resolve("out/doubled")).doesNotExist();
  }

  @Test
  void badInputGivesOneLineExitTwoAndWritesNothing() throws Exception {
    assertBadInput(
        GOOD.replace("sinks:", "sinkz:"),
        "pipeline.yaml:6:1: unknown key 'sinkz' (did you mean 'sinks'?)");
    assertBadInput(GOOD.replace("name: cli-test", "name: [cli-test"), "invalid YAML");
    assertBadInput(
        GOOD.replace("in.csv", "missing.csv"),
        "Invalid source 'orders': path " + dir.resolve("missing.csv") + " does not exist");
    assertBadInput(
        GOOD.replace("amount * 2", "amount_usd * 2"), "Invalid step 'doubled': [UNRESOLVED_COLUMN");
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/doubled"), "a file");
    assertBadInput(
        GOOD, "Invalid sink 'doubled': path " + dir.resolve("out/doubled") + " is a file");
  }

  @Test
  void unknownMasterUrlIsAUsageError() throws Exception {
    var r =
        AnalyzeCommandTest.run(
            "run",
            pipeline(GOOD).toString(),
            "--master",
            "foo://x",
            "--data-dir",
            dir.resolve("data").toString(),
            "--set",
            "store.sqlite.path=" + dir.resolve("tracking.db"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("strands: Invalid master: foo://x (Could not parse Master URL: 'foo://x')");
    assertThat(dir.resolve("data/runs")).isEmptyDirectory();
  }

  private void assertBadInput(String yaml, String expected) throws Exception {
    var r = run(pipeline(yaml));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("strands: ").contains(expected).doesNotContain("\n");
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("data"))
        .satisfiesAnyOf(
            d -> assertThat(d).doesNotExist(),
            d -> assertThat(d.resolve("runs")).isEmptyDirectory());
  }
}
