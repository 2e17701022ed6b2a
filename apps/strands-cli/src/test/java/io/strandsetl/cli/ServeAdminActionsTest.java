package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strandsetl.model.store.AuditEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strands serve} with what only the CLI can wire: the agents' real tools over REST (same
 * answer as {@code strands agents call}, merged into the one OpenAPI document) and the admin's
 * erasure done by Spark on real files, audited in the real SQLite store.
 */
class ServeAdminActionsTest {
  static final String VIEWER = "viewer-token-serve-actions";
  static final String ADMIN = "admin-token-serve-actions";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static ServeCommand.Running running;
  static String url;
  static HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    ServeCommand command = new ServeCommand();
    command.port = 0;
    command.dataDir = dir.resolve("data");
    command.master = "local[2]";
    command.overrides =
        List.of(
            "store.sqlite.path=" + dir.resolve("tracking.db"),
            "server.viewer-token=" + VIEWER,
            "server.admin-token=" + ADMIN,
            "compliance.salt=test-salt",
            "store.retention.auto-purge=false");
    running = command.start(new PrintWriter(new StringWriter()));
    url = running.server().url();
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  static HttpResponse<String> post(String path, String token, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aToolCalledOverHttpAnswersWhatStrandsAgentsCallAnswers() throws Exception {
    String input = "{\"inputBytes\": 1048576}";
    HttpResponse<String> r = post("/api/agents/decision/tools/recommend_platform", VIEWER, input);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        StrandsCli.execute(
            new String[] {
              "agents",
              "call",
              "decision",
              "recommend_platform",
              "--json",
              input,
              "--set",
              "store.sqlite.path=" + dir.resolve("tracking.db")
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isZero();
    JsonNode overHttp = JSON.readTree(r.body());
    assertThat(overHttp.path("scores").size()).isEqualTo(7);
    assertThat(overHttp).isEqualTo(JSON.readTree(out.toString()));
  }

  @Test
  void aViewerCannotCallAToolThatChangesStateAndAnonymousCallersNothing() throws Exception {
    String erase =
        "{\"pipeline\": \"/nowhere.yaml\", \"subjectColumn\": \"email\", \"subjectValue\": \"x\"}";
    HttpResponse<String> viewer = post("/api/agents/compliance/tools/erase_subject", VIEWER, erase);
    assertThat(viewer.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(viewer.body()).get("error").asText())
        .isEqualTo("Cannot change anything with a viewer token: an admin token is needed");
    assertThat(post("/api/agents/decision/tools/recommend_platform", null, "{}").statusCode())
        .isEqualTo(401);
    HttpResponse<String> bad =
        post("/api/agents/decision/tools/recommend_platform", VIEWER, "{\"inputBites\": 1}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("error").asText())
        .startsWith("Invalid input of decision.recommend_platform: unknown field 'inputBites'");
  }

  @Test
  void theOneOpenApiDocumentListsEveryToolWithResolvableSchemas() throws Exception {
    JsonNode doc = JSON.readTree(get("/api/openapi.json", VIEWER).body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    JsonNode tools = JSON.readTree(get("/api/agents/tools", VIEWER).body()).get("tools");
    assertThat(tools.size()).isGreaterThanOrEqualTo(27);
    for (JsonNode t : tools) {
      JsonNode post = doc.path("paths").path(t.get("path").asText()).path("post");
      assertThat(post.isMissingNode()).as(t.get("path").asText()).isFalse();
      String input = post.at("/requestBody/content/application~1json/schema/$ref").asText();
      String output = post.at("/responses/200/content/application~1json/schema/$ref").asText();
      for (String ref : List.of(input, output)) {
        assertThat(ref).startsWith("#/components/schemas/");
        assertThat(doc.at("/components/schemas/" + ref.substring(21)).isObject()).as(ref).isTrue();
      }
    }
    assertThat(doc.path("paths").has("/api/compliance/erase")).isTrue();
    assertThat(doc.path("paths").has("/api/overview/status")).isTrue();
  }

  @Test
  void anAdminErasesASubjectOverHttpAndTheStoreAuditsOnlyTheHash() throws Exception {
    Path yaml = pipeline();
    String body =
        "{\"column\": \"email\", \"value\": \"bo@example.org\", \"pipeline\": \""
            + yaml.toString().replace("\\", "\\\\")
            + "\"}";
    assertThat(post("/api/compliance/erase", null, body).statusCode()).isEqualTo(401);
    assertThat(post("/api/compliance/erase", VIEWER, body).statusCode()).isEqualTo(403);
    assertThat(outputText()).contains("bo@example.org");

    HttpResponse<String> r = post("/api/compliance/erase", ADMIN, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("bo@example.org");
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("verified").asBoolean()).isTrue();
    assertThat(report.get("outputs").get(0).get("status").asText()).isEqualTo("erased");
    assertThat(report.get("outputs").get(0).get("rowsRemoved").asLong()).isEqualTo(2);
    assertThat(report.get("valueDigest").asText()).startsWith("hmac-sha256:");
    assertThat(outputText()).doesNotContain("bo@example.org").contains("ana@example.com");

    long sequence = report.get("auditSequences").get(0).asLong();
    AuditEntry entry =
        running.store().auditTrail().stream()
            .filter(e -> e.sequence() == sequence)
            .findFirst()
            .orElseThrow();
    assertThat(entry.event().action()).isEqualTo("subject-erased");
    assertThat(entry.event().actor()).isEqualTo("dashboard-admin");
    assertThat(entry.event().details())
        .contains(report.get("valueDigest").asText())
        .doesNotContain("bo@example.org");

    // A read-only tool over HTTP sees the same store: the chain is intact.
    HttpResponse<String> verify =
        post("/api/agents/compliance/tools/verify_audit_trail", VIEWER, "{}");
    assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
    JsonNode chain = JSON.readTree(verify.body());
    assertThat(chain.get("firstBadSequence").isNull()).as(verify.body()).isTrue();
    assertThat(chain.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(sequence);
  }

  @Test
  void anAdminErasesFromTheOutputsThatAJobsRunRegisteredAndASecondTryIsNotFound() throws Exception {
    Path in = dir.resolve("in/people.csv");
    Files.createDirectories(in.getParent());
    Files.writeString(
        in, "customer_id,email\n1,ana@example.com\n2,bo@example.org\n3,cy@example.net\n");
    Path yaml = dir.resolve("registered.yaml");
    Files.writeString(
        yaml,
        """
        name: registering
        sources:
          - {name: people, format: csv, path: $DIR/in/people.csv, options: {header: true}}
        sinks:
          - {name: people_csv, from: people, path: $DIR/out/people_csv, format: csv, options: {header: true}}
          - {name: people_parquet, from: people, path: $DIR/out/people_parquet, format: parquet}
        compliance:
          erasure-key: customer_id
        """
            .replace("$DIR", dir.toString()));
    StringWriter err = new StringWriter();
    int exit =
        StrandsCli.execute(
            new String[] {
              "run",
              yaml.toString(),
              "--master",
              "local[2]",
              "--data-dir",
              dir.resolve("data").toString(),
              "--conf",
              "spark.ui.enabled=false",
              "--set",
              "store.sqlite.path=" + dir.resolve("tracking.db"),
              "--set",
              "compliance.salt=test-salt"
            },
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isZero();

    String body = "{\"column\": \"customer_id\", \"value\": \"2\", \"job\": \"registering\"}";
    HttpResponse<String> r = post("/api/compliance/erase", ADMIN, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("verified").asBoolean()).isTrue();
    assertThat(report.get("outputs")).hasSize(2);
    for (JsonNode o : report.get("outputs")) {
      assertThat(o.get("pipeline").asText()).isEqualTo("registering");
      assertThat(o.get("status").asText()).isEqualTo("erased");
      assertThat(o.get("rowsRemoved").asLong()).isEqualTo(1);
    }
    assertThat(report.get("auditSequences")).hasSize(2);
    for (JsonNode seq : report.get("auditSequences")) {
      AuditEntry entry =
          running.store().auditTrail().stream()
              .filter(e -> e.sequence() == seq.asLong())
              .findFirst()
              .orElseThrow();
      assertThat(entry.event().action()).isEqualTo("subject-erased");
      assertThat(entry.event().subject()).startsWith("registering/");
    }

    HttpResponse<String> again = post("/api/compliance/erase", ADMIN, body);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
    assertThat(JSON.readTree(again.body()).get("error").asText())
        .startsWith("Cannot erase: no row with that customer_id in the 2 registered output(s)");
  }

  @Test
  void aSparkToolAndAnErasureCalledAtTheSameMomentBothFinish() throws Exception {
    Path own = dir.resolve("concurrent");
    Path yaml = pipelineIn(own);
    Path people = own.resolve("pii/people.csv");
    Files.createDirectories(people.getParent());
    Files.writeString(people, "ana@example.com\nbo@example.org\ncy@example.net\n");
    String erase =
        "{\"column\": \"email\", \"value\": \"bo@example.org\", \"pipeline\": \""
            + yaml.toString().replace("\\", "\\\\")
            + "\"}";
    String scan =
        "{\"path\": \"" + people.toString().replace("\\", "\\\\") + "\", \"format\": \"csv\"}";
    var erasing =
        http.sendAsync(
            request("/api/compliance/erase", ADMIN, erase), HttpResponse.BodyHandlers.ofString());
    var scanning =
        http.sendAsync(
            request("/api/agents/compliance/tools/detect_pii", VIEWER, scan),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> erased = erasing.get(120, java.util.concurrent.TimeUnit.SECONDS);
    HttpResponse<String> scanned = scanning.get(120, java.util.concurrent.TimeUnit.SECONDS);
    // One Spark context per JVM: without taking turns, the first to stop it fails the other.
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(scanned.statusCode()).as(scanned.body()).isEqualTo(200);
    assertThat(JSON.readTree(erased.body()).get("verified").asBoolean()).isTrue();
    assertThat(scanned.body()).contains("EMAIL").doesNotContain("bo@example.org");
    assertThat(outputTextIn(own)).doesNotContain("bo@example.org");
  }

  static HttpRequest request(String path, String token, String json) {
    return HttpRequest.newBuilder(URI.create(url + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  static Path pipeline() throws Exception {
    return pipelineIn(dir);
  }

  /** A pipeline whose one CSV output holds 2 rows of bo@example.org among 5. */
  static Path pipelineIn(Path dir) throws Exception {
    Path out = dir.resolve("out/customers");
    Files.createDirectories(out);
    Files.writeString(
        out.resolve("part-00000.csv"),
        "customer_id,email,spend\n1,ana@example.com,10\n2,bo@example.org,20\n3,cy@example.net,30\n");
    Files.writeString(
        out.resolve("part-00001.csv"),
        "customer_id,email,spend\n4,bo@example.org,5\n5,di@example.com,7\n");
    Path in = dir.resolve("in/customers.csv");
    Files.createDirectories(in.getParent());
    Files.writeString(in, "customer_id,email\n1,ana@example.com\n");
    Path yaml = dir.resolve("p.yaml");
    Files.writeString(
        yaml,
        """
        name: erasable
        sources:
          - {name: customers, format: csv, path: $DIR/in/customers.csv, options: {header: true}}
        sinks:
          - {name: customers_out, from: customers, path: $DIR/out/customers, format: csv, options: {header: true}}
        compliance:
          erasure-key: customer_id
        """
            .replace("$DIR", dir.toString()));
    return yaml;
  }

  static String outputText() throws Exception {
    return outputTextIn(dir);
  }

  static String outputTextIn(Path dir) throws Exception {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir.resolve("out/customers"))) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        b.append(Files.readString(p));
      }
    }
    return b.toString();
  }
}
