package io.strandsetl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.server.erasure.ErasureReport;
import io.strandsetl.server.erasure.ErasureRequest;
import io.strandsetl.server.erasure.SubjectErasure;
import io.strandsetl.server.tools.ToolCatalog;
import io.strandsetl.server.tools.ToolDescription;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin's erasure and the agents' tools over HTTP, with hand-written fakes behind the two
 * interfaces the CLI implements for real: who may call what (401 / 403), CSRF for browser sessions,
 * JSON and HTML answers that never contain the subject's value, and the merged OpenAPI.
 */
class AdminActionsApiTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final String VIEWER = "viewer-token-admin-actions";
  static final String ADMIN = "admin-token-admin-actions";
  static final String SECRET_VALUE = "ana.secret@example.com";
  static final ObjectMapper JSON = new ObjectMapper();

  static InMemoryTrackingStore store;
  static DashboardServer server;
  static HttpClient http;
  static final List<ErasureRequest> erasures = new ArrayList<>();
  static final List<String> toolCalls = new ArrayList<>();

  /** Erases nothing; answers like the real one and appends one audit entry per output. */
  static final class RecordingErasure implements SubjectErasure {
    @Override
    public synchronized ErasureReport erase(ErasureRequest r) {
      if ("unknown-job".equals(r.job())) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT, "Cannot find outputs of job unknown-job");
      }
      erasures.add(r);
      List<Long> sequences = new ArrayList<>();
      for (String sink : List.of("orders_out", "customers_out")) {
        sequences.add(
            store
                .appendAudit(
                    new AuditEvent(
                        NOW,
                        r.actor(),
                        "subject-erased",
                        r.job() + "/sink/" + sink,
                        "key=" + r.column() + " value=hmac-sha256:ab12 status=erased rows=2"))
                .sequence());
      }
      return new ErasureReport(
          r.column(),
          "hmac-sha256:ab12",
          List.of(
              new ErasureReport.Output(r.job(), "orders_out", "/data/orders", "erased", 2, 0),
              new ErasureReport.Output(
                  r.job(), "customers_out", "/data/customers", "no-rows", 0, 0)),
          true,
          sequences);
    }
  }

  /** Two tools: {@code echo} reads, {@code store_note} writes. */
  static final class FakeTools implements ToolCatalog {
    @Override
    public List<ToolDescription> tools() {
      return List.of(
          new ToolDescription("notes", "echo", "Answers its input.", false),
          new ToolDescription("notes", "store_note", "Stores a note.", true));
    }

    @Override
    public synchronized JsonNode call(String agent, String tool, JsonNode input) {
      toolCalls.add(agent + "." + tool);
      if (!input.has("text")) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT, "Invalid input of " + agent + "." + tool + ": no text");
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.put("echo", input.get("text").asText());
      return out;
    }

    @Override
    public JsonNode openApi() {
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      doc.put("openapi", "3.1.0");
      ObjectNode paths = doc.putObject("paths");
      ObjectNode schemas = doc.putObject("components").putObject("schemas");
      schemas.putObject("Error").put("type", "object");
      for (String tool : List.of("echo", "store_note")) {
        String id = "notes_" + tool;
        schemas
            .putObject(id + "_input")
            .put("type", "object")
            .putObject("properties")
            .putObject("text")
            .put("type", "string");
        schemas
            .putObject(id + "_output")
            .put("type", "object")
            .putObject("properties")
            .putObject("echo")
            .put("type", "string");
        ObjectNode post = paths.putObject("/agents/notes/tools/" + tool).putObject("post");
        post.put("operationId", id).put("summary", tool);
        post.putObject("requestBody")
            .putObject("content")
            .putObject("application/json")
            .putObject("schema")
            .put("$ref", "#/components/schemas/" + id + "_input");
        ObjectNode responses = post.putObject("responses");
        responses
            .putObject("200")
            .put("description", "ok")
            .putObject("content")
            .putObject("application/json")
            .putObject("schema")
            .put("$ref", "#/components/schemas/" + id + "_output");
      }
      return doc;
    }
  }

  @BeforeAll
  static void start() {
    store = new InMemoryTrackingStore();
    SampleRuns.seed(store, 50, NOW, 10, 3);
    ServerConfig config =
        ServerConfig.from(
            Settings.of(
                Map.of(
                    "server.port", "0",
                    "server.viewer-token", VIEWER,
                    "server.admin-token", ADMIN)));
    ServerExtension extension =
        new ServerExtension() {
          @Override
          public Optional<SubjectErasure> subjectErasure() {
            return Optional.of(new RecordingErasure());
          }

          @Override
          public Optional<ToolCatalog> toolCatalog() {
            return Optional.of(new FakeTools());
          }
        };
    server =
        DashboardServer.start(config, store, Clock.fixed(NOW, ZoneOffset.UTC), List.of(extension));
    http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @AfterAll
  static void stop() {
    server.stop();
    store.close();
  }

  static HttpResponse<String> send(
      String method, String path, String token, String contentType, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postJson(String path, String token, String json) throws Exception {
    return send("POST", path, token, "application/json", json);
  }

  static String form(Map<String, String> fields) {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return b.toString();
  }

  /** A browser session: its cookie and the CSRF token its pages carry. */
  record Session(String cookie, String csrf) {}

  static Session login(String token) throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            "/login",
            null,
            "application/x-www-form-urlencoded",
            form(Map.of("token", token, "next", "/compliance")));
    assertThat(r.statusCode()).isEqualTo(303);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> page =
        send("GET", "/compliance", null, null, null, "Cookie", cookie, "Accept", "text/html");
    Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return new Session(cookie, m.group(1));
  }

  static final String ERASE_JSON =
      "{\"column\": \"email\", \"value\": \"" + SECRET_VALUE + "\", \"job\": \"orders-daily\"}";

  @Test
  void anonymousCallersGet401AndViewersGet403ForAnErasure() throws Exception {
    int before = erasures.size();
    HttpResponse<String> anonymous = postJson("/api/compliance/erase", null, ERASE_JSON);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> viewer = postJson("/api/compliance/erase", VIEWER, ERASE_JSON);
    assertThat(viewer.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(viewer.body()).get("error").asText())
        .isEqualTo("Cannot change anything with a viewer token: an admin token is needed");
    assertThat(erasures).hasSize(before);
  }

  @Test
  void anAdminErasesOverJsonAndGetsTheReportWithoutTheValue() throws Exception {
    HttpResponse<String> r = postJson("/api/compliance/erase", ADMIN, ERASE_JSON);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).doesNotContain(SECRET_VALUE);
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("column").asText()).isEqualTo("email");
    assertThat(report.get("valueDigest").asText()).isEqualTo("hmac-sha256:ab12");
    assertThat(report.get("verified").asBoolean()).isTrue();
    assertThat(report.get("outputs").get(0).get("rowsRemoved").asLong()).isEqualTo(2);
    long firstSequence = report.get("auditSequences").get(0).asLong();
    assertThat(store.auditTrail().get((int) firstSequence - 1).event().action())
        .isEqualTo("subject-erased");
    ErasureRequest last = erasures.get(erasures.size() - 1);
    assertThat(last.value()).isEqualTo(SECRET_VALUE);
    assertThat(last.actor()).isEqualTo("dashboard-admin");
    assertThat(last.toString()).doesNotContain(SECRET_VALUE);
  }

  @Test
  void anErasureWithoutColumnOrTargetIsRefusedWithOneLine() throws Exception {
    HttpResponse<String> r =
        postJson("/api/compliance/erase", ADMIN, "{\"column\": \"email\", \"value\": \"x\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("error").asText())
        .isEqualTo("Invalid erasure: name a job or a pipeline file whose outputs to search");
    HttpResponse<String> both =
        postJson(
            "/api/compliance/erase",
            ADMIN,
            "{\"column\": \"email\", \"value\": \"x\", \"job\": \"a\", \"pipeline\": \"/p.yaml\"}");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(both.body()).get("error").asText())
        .isEqualTo("Invalid erasure: name a job or a pipeline file, not both (job a)");
  }

  @Test
  void aBrowserSessionNeedsTheCsrfTokenAndGetsAnHtmlResultWithTheHashOnly() throws Exception {
    Session admin = login(ADMIN);
    Map<String, String> fields = new HashMap<>();
    fields.put("column", "email");
    fields.put("value", SECRET_VALUE);
    fields.put("job", "orders-daily");
    int before = erasures.size();
    HttpResponse<String> noCsrf =
        send(
            "POST",
            "/api/compliance/erase",
            null,
            "application/x-www-form-urlencoded",
            form(fields),
            "Cookie",
            admin.cookie());
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(noCsrf.body()).get("error").asText())
        .isEqualTo("Cannot accept the request: missing or wrong CSRF token");
    assertThat(erasures).hasSize(before);

    fields.put("csrf", admin.csrf());
    HttpResponse<String> ok =
        send(
            "POST",
            "/api/compliance/erase",
            null,
            "application/x-www-form-urlencoded",
            form(fields),
            "Cookie",
            admin.cookie(),
            "Accept",
            "text/html");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(ok.body())
        .contains("hmac-sha256:ab12")
        .contains("Verified: no row of the subject remains (2 removed).")
        .contains("Audit entries: #")
        .doesNotContain(SECRET_VALUE);
    assertThat(erasures).hasSize(before + 1);

    fields.put("job", "unknown-job");
    HttpResponse<String> failed =
        send(
            "POST",
            "/api/compliance/erase",
            null,
            "application/x-www-form-urlencoded",
            form(fields),
            "Cookie",
            admin.cookie());
    assertThat(failed.statusCode()).isEqualTo(400);
    assertThat(failed.body())
        .contains("Cannot find outputs of job unknown-job")
        .doesNotContain(SECRET_VALUE);
  }

  @Test
  void theComplianceFormIsShownToAdminsOnly() throws Exception {
    Session admin = login(ADMIN);
    Session viewer = login(VIEWER);
    String adminPage =
        send("GET", "/compliance", null, null, null, "Cookie", admin.cookie()).body();
    String viewerPage =
        send("GET", "/compliance", null, null, null, "Cookie", viewer.cookie()).body();
    assertThat(adminPage)
        .contains("action=\"/api/compliance/erase\"")
        .contains("name=\"csrf\" value=\"" + admin.csrf() + "\"");
    assertThat(viewerPage).doesNotContain("/api/compliance/erase");
  }

  @Test
  void viewersListAndCallReadOnlyToolsButNotWritingOnes() throws Exception {
    JsonNode list = JSON.readTree(send("GET", "/api/agents/tools", VIEWER, null, null).body());
    assertThat(list.get("tools")).hasSize(2);
    assertThat(list.get("tools").get(1).get("token").asText()).isEqualTo("admin");

    HttpResponse<String> read =
        postJson("/api/agents/notes/tools/echo", VIEWER, "{\"text\": \"hello\"}");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).get("echo").asText()).isEqualTo("hello");

    int before = toolCalls.size();
    HttpResponse<String> write =
        postJson("/api/agents/notes/tools/store_note", VIEWER, "{\"text\": \"hello\"}");
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(toolCalls).hasSize(before);
    assertThat(postJson("/api/agents/notes/tools/echo", null, "{}").statusCode()).isEqualTo(401);

    HttpResponse<String> admin =
        postJson("/api/agents/notes/tools/store_note", ADMIN, "{\"text\": \"kept\"}");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(admin.body()).get("echo").asText()).isEqualTo("kept");
  }

  @Test
  void toolErrorsAreOneLineWithTheirStatus() throws Exception {
    HttpResponse<String> unknown = postJson("/api/agents/notes/tools/nope", ADMIN, "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("error").asText())
        .isEqualTo("Cannot find tool nope of agent notes (GET /api/agents/tools lists them)");
    HttpResponse<String> notJson = postJson("/api/agents/notes/tools/echo", VIEWER, "{oops");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notJson.body()).get("error").asText())
        .startsWith("Invalid input of notes.echo: not JSON");
    HttpResponse<String> invalid = postJson("/api/agents/notes/tools/echo", VIEWER, "{}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(invalid.body()).get("error").asText())
        .isEqualTo("Invalid input of notes.echo: no text");
  }

  @Test
  void aViewerSessionStillNeedsTheCsrfTokenForAReadOnlyTool() throws Exception {
    Session viewer = login(VIEWER);
    HttpResponse<String> noCsrf =
        send(
            "POST",
            "/api/agents/notes/tools/echo",
            null,
            "application/json",
            "{\"text\": \"a\"}",
            "Cookie",
            viewer.cookie());
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    HttpResponse<String> ok =
        send(
            "POST",
            "/api/agents/notes/tools/echo",
            null,
            "application/json",
            "{\"text\": \"a\"}",
            "Cookie",
            viewer.cookie(),
            "X-CSRF-Token",
            viewer.csrf());
    assertThat(ok.statusCode()).isEqualTo(200);
  }

  @Test
  void oneOpenApiDocumentDescribesTheErasureAndEveryToolWithResolvableSchemas() throws Exception {
    JsonNode doc = JSON.readTree(send("GET", "/api/openapi.json", VIEWER, null, null).body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    JsonNode paths = doc.get("paths");
    assertThat(paths.has("/api/compliance/erase")).isTrue();
    assertThat(paths.has("/api/agents/tools")).isTrue();
    JsonNode write = paths.get("/api/agents/notes/tools/store_note").get("post");
    assertThat(write.get("tags").get(0).asText()).isEqualTo("Agent tools: notes");
    assertThat(write.get("description").asText()).isEqualTo("Changes state: admin token only.");
    assertThat(write.get("responses").has("403")).isTrue();
    assertThat(paths.get("/api/agents/notes/tools/echo").get("post").get("description").asText())
        .isEqualTo("Read only: viewer or admin token.");
    // Every $ref points at a schema of the one document (the tools' own Error is replaced).
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).contains("#/components/schemas/notes_echo_input");
    JsonNode schemas = doc.get("components").get("schemas");
    for (String ref : refs) {
      assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue();
    }
    assertThat(schemas.get("Error").get("properties").has("status")).isTrue();
  }

  static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asText());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
