package io.strandsetl.spark.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SinkSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks see sources, replace rows before writing and can stop publishing, on embedded Spark. */
class RunHookTest {
  @TempDir Path dir;

  private static final String PIPELINE =
      """
      name: hooked
      sources:
        - {name: people, format: csv, path: $DIR/in/people.csv, options: {header: true}}
      transforms:
        - {name: adults, sql: "SELECT name, email FROM people WHERE age >= 18"}
      sinks:
        - {from: adults, path: $DIR/out/adults, format: csv, options: {header: true}}
      """;

  private PipelineSpec spec() throws Exception {
    Path csv = dir.resolve("in/people.csv");
    Files.createDirectories(csv.getParent());
    Files.writeString(csv, "name,email,age\nana,ana@example.com,30\nbo,bo@example.com,12\n");
    return PipelineParser.parse("hooked.yaml", PIPELINE.replace("$DIR", dir.toString()));
  }

  private RunOptions options(RunHook... hooks) {
    return new RunOptions(
            "local[2]",
            null,
            dir.resolve("strands-data"),
            Map.of("spark.sql.shuffle.partitions", "2", "spark.ui.enabled", "false"),
            null,
            false,
            null)
        .withHooks(List.of(hooks));
  }

  private static List<String> writtenLines(Path out) throws Exception {
    List<String> lines = new ArrayList<>();
    try (var files = Files.walk(out)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        lines.addAll(Files.readAllLines(p));
      }
    }
    return lines;
  }

  @Test
  void hooksSeeSourcesMaskRowsBeforeWritingAndInspectWhatWasStaged() throws Exception {
    List<String> seen = new ArrayList<>();
    RunHook masking =
        new RunHook() {
          @Override
          public String name() {
            return "masking";
          }

          @Override
          public Gate beforeRun(RunContext context, Map<String, Dataset<Row>> sources) {
            seen.add("sources " + sources.keySet() + " " + sources.get("people").count());
            return Gate.pass();
          }

          @Override
          public Dataset<Row> beforeWrite(RunContext context, SinkSpec sink, Dataset<Row> rows) {
            return rows.withColumn("email", functions.lit("***"));
          }

          @Override
          public Gate beforePublish(RunContext context, Map<String, Dataset<Row>> staged) {
            seen.add("staged " + staged.get("adults").first().getAs("email"));
            return Gate.pass();
          }
        };

    RunResult result = new PipelineRunner().run(spec(), options(masking));

    assertThat(result.exitCode()).isZero();
    assertThat(seen).containsExactly("sources [people] 2", "staged ***");
    assertThat(writtenLines(dir.resolve("out/adults")))
        .contains("ana,***")
        .noneMatch(l -> l.contains("@"));
    assertThat(result.record().steps())
        .extracting(s -> s.kind() + ":" + s.name())
        .containsSubsequence(
            "source:people", "gate:masking", "sink:adults", "gate:masking", "publish:adults");
  }

  @Test
  void haltBeforePublishDiscardsStagedOutputAndKeepsThePreviousOne() throws Exception {
    PipelineSpec spec = spec();
    new PipelineRunner().run(spec, options());
    Map<String, String> before = PipelineRunnerTest.hashes(dir.resolve("out/adults"));
    RunHook blocking =
        new RunHook() {
          @Override
          public String name() {
            return "compliance";
          }

          @Override
          public Gate beforePublish(RunContext context, Map<String, Dataset<Row>> staged) {
            return Gate.halt("column email holds unmasked e-mail addresses");
          }
        };

    RunResult result = new PipelineRunner().run(spec, options(blocking));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.record().failingStep()).isEqualTo("gate 'compliance'");
    assertThat(result.record().error())
        .isEqualTo("Halted by compliance: column email holds unmasked e-mail addresses");
    assertThat(PipelineRunnerTest.hashes(dir.resolve("out/adults"))).isEqualTo(before);
  }

  @Test
  void haltBeforeRunWritesNothingAndAFailingHookFailsTheRun() throws Exception {
    PipelineSpec spec = spec();
    RunHook halting =
        new RunHook() {
          @Override
          public String name() {
            return "quality";
          }

          @Override
          public Gate beforeRun(RunContext context, Map<String, Dataset<Row>> sources) {
            return Gate.halt("source people: completeness 0.50 below the pre-run threshold 0.90");
          }
        };
    RunResult halted = new PipelineRunner().run(spec, options(halting));
    assertThat(halted.record().error()).startsWith("Halted by quality: source people");
    assertThat(dir.resolve("out/adults")).doesNotExist();

    RunHook broken =
        new RunHook() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public Dataset<Row> beforeWrite(RunContext context, SinkSpec sink, Dataset<Row> rows) {
            return rows.select(functions.col("no_such_column"));
          }
        };
    RunResult failed = new PipelineRunner().run(spec, options(broken));
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.record().failingStep()).isEqualTo("sink 'adults'");
    assertThat(dir.resolve("out/adults")).doesNotExist();
  }
}
