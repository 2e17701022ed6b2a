package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentsCommandTest {
  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    // Keep every command off the user's own store.
    all[args.length] = "--set";
    all[args.length + 1] = "store.sqlite.path=" + dir.resolve("t.db");
    int exit = StrandsCli.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void listsTheSevenAgentsAndTheirTools() {
    Result r = run("agents", "list");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("supervisor — ")
        .contains("decision — ")
        .contains(
            "  recommend_platform(jobName?: string, inputBytes: integer [bytes], constraints?: object)")
        .contains("  forecast_costs(")
        .contains("  erase_subject(")
        .contains("  predict_run(");
  }

  @Test
  void writesAnOpenApiDocumentThatParsesBack() throws Exception {
    Path file = dir.resolve("openapi.json");
    Result r = run("agents", "openapi", "--out", file.toString());

    assertThat(r.exit()).isZero();
    JsonNode doc = new ObjectMapper().readTree(Files.readString(file));
    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.path("paths").has("/agents/cost/tools/calculate_cost")).isTrue();
  }

  @Test
  void callsAToolWithJsonAndPrintsItsJsonResult() throws Exception {
    Result r =
        run(
            "agents",
            "call",
            "decision",
            "recommend_platform",
            "--json",
            "{\"inputBytes\": 1048576}");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(r.out());
    assertThat(out.path("platform").asText()).isIn("local", "lambda");
    assertThat(out.path("scores").size()).isEqualTo(7);
  }

  @Test
  void aBadCallIsAUserErrorInOneLine() {
    Result unknown = run("agents", "call", "decision", "guess", "--json", "{}");
    Result badJson = run("agents", "call", "decision", "recommend_platform", "--json", "{nope");

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .isEqualTo(
            "strands: Invalid tool: 'guess' of agent decision (known: [recommend_platform,"
                + " platform_statistics])"
                + System.lineSeparator());
    assertThat(badJson.exit()).isEqualTo(2);
    assertThat(badJson.err()).startsWith("strands: Invalid --json: ");
  }

  @Test
  void aMistypedAgentsKeyIsReported() {
    Result r = run("agents", "list", "--set", "agents.decision.local-core=8");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "strands: Invalid configuration keys: [agents.decision.local-core] (no agent reads them");
  }

  @Test
  void askWithoutALanguageModelSaysHowToConfigureOne() {
    Result r = run("ask", "what", "failed?");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "strands: Cannot answer: no language model is configured (set agents.llm.provider");
  }
}
