package io.strandsetl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.strandsetl.cost.CostEngine;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueStatus;
import io.strandsetl.server.api.ApiRoutes;
import io.strandsetl.server.api.DashboardQueries;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API over HTTP without a browser: status codes, JSON shape, CSV, filters, access. */
class DashboardApiTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final String VIEWER = "viewer-token-for-tests";
  static final String ADMIN = "admin-token-for-tests";
  static final ObjectMapper JSON = new ObjectMapper();

  static InMemoryTrackingStore store;
  static DashboardServer server;
  static HttpClient http;
  static String firstRun;

  @BeforeAll
  static void start() {
    store = new InMemoryTrackingStore();
    firstRun = SampleRuns.seed(store, 600, NOW, 45, 7).get(0);
    store.markRunning(
        io.strandsetl.model.store.RunningExecution.ofThisProcess(
            "running-1", "orders-daily", "data", "local", NOW.minusSeconds(600)));
    ServerConfig config =
        ServerConfig.from(
            Settings.of(
                Map.of(
                    "server.port",
                    "0",
                    "server.viewer-token",
                    VIEWER,
                    "server.admin-token",
                    ADMIN,
                    "server.monthly-budget-usd",
                    "500")));
    ServerExtension extension =
        new ServerExtension() {
          @Override
          public void register(Javalin app) {
            app.get("/api/tools/ping", ctx -> ctx.result("pong"));
          }

          @Override
          public Map<String, Object> openApiPaths() {
            return Map.of("/api/tools/ping", Map.of("get", Map.of("summary", "ping")));
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

  static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(
      String path, String token, String form, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode table(String path) throws Exception {
    HttpResponse<String> r = get(path, VIEWER);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void refusesAnonymousRequestsAndSendsBrowsersToTheLoginPage() throws Exception {
    HttpResponse<String> api = get("/api/overview/metrics", null);
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(api.body()).get("error").asText()).startsWith("Cannot authenticate");
    assertThat(get("/api/overview/metrics", "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> page = get("/cost?job=orders-daily", null);
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/login?next=" + enc("/cost?job=orders-daily"));
    assertThat(get("/login", null).statusCode()).isEqualTo(200);
    HttpResponse<String> docs = get("/api/docs", null);
    assertThat(docs.statusCode()).isEqualTo(302);
    assertThat(docs.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/login?next=" + enc("/api/docs"));
  }

  @Test
  void everyTableEndpointAnswersColumnsAndRowsOfEqualWidth() throws Exception {
    List<ApiRoutes.Endpoint> endpoints =
        new ApiRoutes(
                new DashboardQueries(
                    store, Clock.systemUTC(), 0, 0.8, Runnable::run, CostEngine.defaults()))
            .endpoints();
    assertThat(endpoints).hasSizeGreaterThan(30);
    for (ApiRoutes.Endpoint e : endpoints) {
      JsonNode t = table(e.path().replace("{id}", firstRun));
      assertThat(t.get("columns").size()).as(e.path()).isPositive();
      for (JsonNode row : t.get("rows")) {
        assertThat(row.size()).as(e.path()).isEqualTo(t.get("columns").size());
      }
      if (!e.path().equals("/api/quality/anomalies")) {
        assertThat(t.get("rows").size()).as(e.path() + " has rows").isPositive();
      }
    }
  }

  @Test
  void costByJobSumsTheStoredCostsOfTheWindow() throws Exception {
    JsonNode t = table("/api/cost/by-job?from=2026-01-01&to=2026-11-20&limit=100");
    double total = 0;
    for (JsonNode row : t.get("rows")) {
      total += row.get(1).asDouble();
    }
    double expected =
        store
            .listExecutions(io.strandsetl.model.store.ExecutionQuery.all().withLimit(10_000))
            .stream()
            .mapToDouble(e -> e.totalCostUsd())
            .sum();
    assertThat(total).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
    assertThat(t.get("columns").get(1).get("unit").asText()).isEqualTo("USD");
  }

  @Test
  void filtersNarrowWhatIsCounted() throws Exception {
    JsonNode all = table("/api/overview/status?from=2026-01-01");
    JsonNode failed = table("/api/overview/status?from=2026-01-01&status=failed");
    long allRuns = 0;
    for (JsonNode row : all.get("rows")) {
      allRuns += row.get(1).asLong();
    }
    assertThat(allRuns).isEqualTo(600);
    for (JsonNode row : failed.get("rows")) {
      if (!row.get(0).asText().equals("FAILED")) {
        assertThat(row.get(1).asLong()).as(row.get(0).asText()).isZero();
      } else {
        assertThat(row.get(1).asLong()).isPositive().isLessThan(allRuns);
      }
    }
    JsonNode oneJob = table("/api/cost/by-job?from=2026-01-01&job=orders-daily");
    assertThat(oneJob.get("rows")).hasSize(1);
    assertThat(oneJob.get("rows").get(0).get(0).asText()).isEqualTo("orders-daily");
    JsonNode team = table("/api/cost/by-job?from=2026-01-01&team=finance");
    for (JsonNode row : team.get("rows")) {
      int index = SampleRuns.JOBS.indexOf(row.get(0).asText());
      assertThat(SampleRuns.TEAMS.get(index % 3)).isEqualTo("finance");
    }
    JsonNode lambda = table("/api/platforms?from=2026-01-01&platform=lambda");
    assertThat(lambda.get("rows")).hasSize(1);
    JsonNode lastWeek = table("/api/timeline?from=2026-11-14&to=2026-11-20&limit=5000");
    for (JsonNode row : lastWeek.get("rows")) {
      assertThat(row.get(4).asText()).isGreaterThanOrEqualTo("2026-11-14");
    }
  }

  @Test
  void forecastShowsTheWindowsActualsThenTheCostEnginesHorizon() throws Exception {
    JsonNode t = table("/api/cost/forecast?from=2026-11-10&to=2026-11-20");
    int actual = 0;
    int forecast = 0;
    for (JsonNode row : t.get("rows")) {
      if (!row.get(1).isNull()) {
        actual++;
        assertThat(row.get(0).asText()).isBetween("2026-11-10", "2026-11-20");
      } else {
        forecast++;
        assertThat(row.get(0).asText()).isGreaterThan("2026-11-20");
        assertThat(row.get(3).asDouble()).isLessThanOrEqualTo(row.get(2).asDouble());
        assertThat(row.get(4).asDouble()).isGreaterThanOrEqualTo(row.get(2).asDouble());
      }
    }
    assertThat(actual).isEqualTo(11);
    assertThat(forecast).isEqualTo(30);
    JsonNode summary = table("/api/cost/forecast/summary?from=2026-11-10&to=2026-11-20");
    assertThat(summary.get("rows").get(0).get(1).asInt()).as("history days").isEqualTo(90);
    assertThat(summary.get("rows").get(0).get(2).asInt()).as("horizon days").isEqualTo(30);
  }

  @Test
  void invalidFiltersAreUserErrorsNamingTheValue() throws Exception {
    HttpResponse<String> r = get("/api/overview/status?from=yesterday", VIEWER);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("error").asText())
        .isEqualTo("Invalid from: 'yesterday' (expected YYYY-MM-DD)");
    HttpResponse<String> s = get("/api/overview/status?status=RUNNING", VIEWER);
    assertThat(s.statusCode()).isEqualTo(400);
    assertThat(s.body()).contains("Invalid status: 'RUNNING'");
    assertThat(get("/api/cost/trend?period=year", VIEWER).body())
        .contains("Invalid period: 'year' (known: day, week, month)");
    assertThat(get("/api/runs/no-such-run/metrics", VIEWER).statusCode()).isEqualTo(404);
  }

  @Test
  void everyTableExportsAsCsvWithUnitsInTheHeader() throws Exception {
    JsonNode json = table("/api/cost/by-job?from=2026-01-01");
    HttpResponse<String> csv = get("/api/cost/by-job?from=2026-01-01&format=csv", VIEWER);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"cost-by-job.csv\"");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "Job,Cost (USD),Runs (runs),Average cost (USD),Average duration (s),Success rate (%)");
    assertThat(lines).hasSize(json.get("rows").size() + 1);
    assertThat(get("/api/cost/by-job/export.csv?from=2026-01-01", VIEWER).body())
        .isEqualTo(csv.body());
    // The hostile job name is one quoted-free field: no comma, quote or formula lead in it.
    assertThat(csv.body()).contains(SampleRuns.HOSTILE_JOB + ",");
  }

  @Test
  void viewerCannotWriteAndAdminResolvesAnIssue() throws Exception {
    IssueEntry active =
        store.issues().stream().filter(i -> i.status().isActive()).findFirst().orElseThrow();
    String form = "job=" + enc(active.key().jobName()) + "&type=" + enc(active.key().issueType());
    HttpResponse<String> viewer = post("/api/issues/resolve", VIEWER, form, Map.of());
    assertThat(viewer.statusCode()).isEqualTo(403);
    assertThat(viewer.body()).contains("Cannot change anything with a viewer token");
    assertThat(post("/api/issues/resolve", null, form, Map.of()).statusCode()).isEqualTo(401);
    HttpResponse<String> admin = post("/api/issues/resolve", ADMIN, form, Map.of());
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    assertThat(JSON.readTree(admin.body()).get("status").asText()).isEqualTo("RESOLVED");
    IssueEntry after =
        store.issues().stream().filter(i -> i.key().equals(active.key())).findFirst().orElseThrow();
    assertThat(after.status()).isEqualTo(IssueStatus.RESOLVED);
    assertThat(after.resolvedBy()).isEqualTo("dashboard-admin");
    assertThat(post("/api/issues/resolve", ADMIN, "job=x&type=y", Map.of()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void loginSetsAStrictHttpOnlyCookieAndFormPostsNeedTheCsrfToken() throws Exception {
    HttpResponse<String> bad = post("/login", null, "token=nope&next=/", Map.of());
    assertThat(bad.statusCode()).isEqualTo(401);
    HttpResponse<String> login =
        post("/login", null, "token=" + ADMIN + "&next=" + enc("//evil.example/"), Map.of());
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Location").orElseThrow()).isEqualTo("/");
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain(ADMIN);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/issues"))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String csrf = between(page.body(), "<meta name=\"csrf-token\" content=\"", "\"");
    assertThat(csrf).hasSizeGreaterThan(20);
    IssueEntry active =
        store.issues().stream().filter(i -> i.status().isActive()).findFirst().orElseThrow();
    String form = "job=" + enc(active.key().jobName()) + "&type=" + enc(active.key().issueType());
    HttpResponse<String> noCsrf = post("/api/issues/resolve", null, form, Map.of("Cookie", cookie));
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(noCsrf.body()).contains("CSRF");
    HttpResponse<String> withCsrf =
        post("/api/issues/resolve", null, form + "&csrf=" + enc(csrf), Map.of("Cookie", cookie));
    assertThat(withCsrf.statusCode()).isEqualTo(303);
    assertThat(withCsrf.headers().firstValue("Location").orElseThrow()).isEqualTo("/issues");
  }

  @Test
  void adminExportsTheAuditTrailAndTheExportIsItselfAudited() throws Exception {
    int before = store.auditTrail().size();
    assertThat(post("/api/compliance/audit/export", VIEWER, "", Map.of()).statusCode())
        .isEqualTo(403);
    HttpResponse<String> r = post("/api/compliance/audit/export", ADMIN, "", Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().split("\r\n")).hasSize(before + 1);
    assertThat(store.auditTrail()).hasSize(before + 1);
    assertThat(store.auditTrail().get(before).event().action()).isEqualTo("audit-exported");
    assertThat(store.verifyAudit().intact()).isTrue();
  }

  @Test
  void openApiDocumentListsEveryEndpointAndTheExtensionsPaths() throws Exception {
    JsonNode doc = JSON.readTree(get("/api/openapi.json", VIEWER).body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    for (ApiRoutes.Endpoint e :
        new ApiRoutes(
                new DashboardQueries(
                    store, Clock.systemUTC(), 0, 0.8, Runnable::run, CostEngine.defaults()))
            .endpoints()) {
      assertThat(doc.get("paths").has(e.path())).as(e.path()).isTrue();
    }
    assertThat(doc.get("paths").has("/api/issues/resolve")).isTrue();
    assertThat(doc.get("paths").get("/api/tools/ping").get("get").get("summary").asText())
        .isEqualTo("ping");
    assertThat(get("/api/tools/ping", VIEWER).body()).isEqualTo("pong");
    assertThat(get("/api/tools/ping", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/docs", VIEWER).body()).contains("swagger-ui-bundle.js");
    assertThat(get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js", null).statusCode())
        .isEqualTo(200);
    assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js", null).statusCode()).isEqualTo(200);
  }

  @Test
  void pagesEscapeStoredNamesAndSendASecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/issues?from=2026-01-01", VIEWER);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain(SampleRuns.HOSTILE_JOB);
    assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
    HttpResponse<String> reflected = get("/cost?job=" + enc("\"><script>x()</script>"), VIEWER);
    assertThat(reflected.body()).doesNotContain("<script>x()").contains("&quot;&gt;&lt;script&gt;");
    HttpResponse<String> run = get("/runs/" + firstRun, VIEWER);
    assertThat(run.statusCode()).isEqualTo(200);
    assertThat(run.body()).contains("/api/runs/" + firstRun + "/metrics");
    assertThat(get("/runs/nope", VIEWER).statusCode()).isEqualTo(404);
    JsonNode record = JSON.readTree(get("/api/runs/" + firstRun, VIEWER).body());
    assertThat(record.get("execution").get("executionId").asText()).isEqualTo(firstRun);
    assertThat(record.get("invocations")).hasSize(3);
  }

  static String between(String text, String start, String end) {
    int i = text.indexOf(start) + start.length();
    return text.substring(i, text.indexOf(end, i));
  }
}
