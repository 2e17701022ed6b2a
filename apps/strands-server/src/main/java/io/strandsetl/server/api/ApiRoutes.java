package io.strandsetl.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueKey;
import io.strandsetl.server.csv.CsvWriter;
import io.strandsetl.server.security.AccessControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API: one GET endpoint per chart or table (each also as CSV with {@code ?format=csv} or
 * the {@code /export.csv} suffix), the run page's endpoints and the admin-only POST endpoints.
 */
public final class ApiRoutes {
  /**
   * One GET endpoint returning a {@link Table}.
   *
   * @param section dashboard section it feeds (OpenAPI tag)
   * @param filtered true when the global filters apply
   * @param params extra query parameters: name → description
   */
  public record Endpoint(
      String path,
      String section,
      String summary,
      boolean filtered,
      Map<String, String> params,
      Handler handler) {}

  /** Computes an endpoint's table. */
  @FunctionalInterface
  public interface Handler {
    Table handle(Context ctx, DashboardFilter filter);
  }

  private final DashboardQueries queries;
  private final List<Endpoint> endpoints = new ArrayList<>();

  public ApiRoutes(DashboardQueries queries) {
    this.queries = queries;
    defineEndpoints();
  }

  public List<Endpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  private void get(String path, String section, String summary, Handler handler) {
    endpoints.add(new Endpoint(path, section, summary, true, Map.of(), handler));
  }

  private void get(
      String path, String section, String summary, Map<String, String> params, Handler h) {
    endpoints.add(new Endpoint(path, section, summary, true, params, h));
  }

  private void run(String path, String summary, Handler handler) {
    endpoints.add(new Endpoint(path, "Run", summary, false, Map.of(), handler));
  }

  private static int intParam(Context ctx, String name, int defaultValue, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v < 1 || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid " + name + ": '" + raw + "' (expected a whole number 1-" + max + ")");
    }
  }

  private void defineEndpoints() {
    DashboardQueries q = queries;
    Map<String, String> limit = Map.of("limit", "most rows to return");
    get("/api/overview/status", "Overview", "Executions per status", (c, f) -> q.statusCounts(f));
    get("/api/overview/metrics", "Overview", "Headline metrics", (c, f) -> q.quickMetrics(f));
    get(
        "/api/executions",
        "Overview",
        "Latest executions (newest first)",
        limit,
        (c, f) -> q.latestExecutions(f, intParam(c, "limit", 20, 1000)));
    get(
        "/api/running",
        "Overview",
        "Runs started and not yet recorded (job, team and platform filters apply)",
        (c, f) -> q.running(f));
    get(
        "/api/running/counts",
        "Overview",
        "How many runs are running now and how many markers are abandoned",
        (c, f) -> q.runningCounts(f));
    get(
        "/api/timeline",
        "Timeline",
        "Runs with start and end for the Gantt chart (newest, shown oldest first)",
        limit,
        (c, f) -> q.timeline(f, intParam(c, "limit", 300, 5000)));
    get(
        "/api/cost/trend",
        "Cost",
        "Cost per day, week or month",
        Map.of("period", "day (default), week or month"),
        (c, f) -> q.costTrend(f, c.queryParam("period")));
    get(
        "/api/cost/by-job",
        "Cost",
        "Cost per job, most expensive first",
        limit,
        (c, f) -> q.costByJob(f, intParam(c, "limit", 50, 1000)));
    get("/api/cost/by-job-type", "Cost", "Cost per job type", (c, f) -> q.costByJobType(f));
    get("/api/cost/top-jobs", "Cost", "The 10 most expensive jobs", (c, f) -> q.costByJob(f, 10));
    get(
        "/api/cost/forecast",
        "Cost",
        "Daily cost and the cost engine's forecast with 80% bounds",
        (c, f) -> q.costForecast(f));
    get(
        "/api/cost/forecast/summary",
        "Cost",
        "Forecast method, totals over the horizon and backtest error",
        (c, f) -> q.costForecastSummary(f));
    get("/api/cost/budget", "Cost", "Budget vs actual, burn rate", (c, f) -> q.budget(f));
    get(
        "/api/cost/suggestions",
        "Cost",
        "Optimisation suggestions recorded on runs",
        (c, f) -> q.costSuggestions(f));
    get("/api/quality/trend", "Quality", "Quality per day", (c, f) -> q.qualityTrend(f));
    get(
        "/api/quality/dimensions",
        "Quality",
        "Average of the five dimensions",
        (c, f) -> q.qualityDimensions(f));
    get(
        "/api/quality/alerts",
        "Quality",
        "Runs below the alert threshold",
        (c, f) -> q.qualityAlerts(f));
    get("/api/quality/anomalies", "Quality", "Quality anomalies", (c, f) -> q.qualityAnomalies(f));
    get(
        "/api/quality/profiles",
        "Quality",
        "Latest profiling result per job",
        (c, f) -> q.qualityProfiles(f));
    get(
        "/api/issues/heatmap",
        "Issues",
        "Occurrences per issue type and job",
        (c, f) -> q.issueHeatmap(f));
    get(
        "/api/issues/by-severity",
        "Issues",
        "Issues per severity",
        (c, f) -> q.issuesBySeverity(f));
    get(
        "/api/issues/top",
        "Issues",
        "Top recurring issues",
        limit,
        (c, f) -> q.topIssues(f, intParam(c, "limit", 10, 1000), false));
    get(
        "/api/issues/active",
        "Issues",
        "Open and reopened issues, most occurrences first",
        limit,
        (c, f) -> q.topIssues(f, intParam(c, "limit", 100, 1000), true));
    get("/api/issues/status", "Issues", "Issues per resolution status", (c, f) -> q.issueStatus(f));
    get(
        "/api/issues/trend",
        "Issues",
        "Issues detected per day by severity",
        (c, f) -> q.issueTrend(f));
    get(
        "/api/compliance/summary",
        "Compliance",
        "GDPR score, HIPAA status, PII counts, audit chain",
        (c, f) -> q.complianceSummary(f));
    get(
        "/api/compliance/pii",
        "Compliance",
        "PII columns per job (counts only)",
        (c, f) -> q.piiByJob(f));
    get(
        "/api/compliance/violations",
        "Compliance",
        "Runs with a GDPR/HIPAA violation or unmasked PII",
        (c, f) -> q.complianceViolations(f));
    get(
        "/api/compliance/audit",
        "Compliance",
        "Newest audit entries",
        limit,
        (c, f) -> q.auditTrail(intParam(c, "limit", 50, 10_000)));
    get(
        "/api/compliance/audit/verify",
        "Compliance",
        "Audit hash-chain verification",
        (c, f) -> q.auditVerification());
    get(
        "/api/platforms",
        "Platforms",
        "Cost, performance and success per platform",
        (c, f) -> q.platforms(f));
    get(
        "/api/platforms/advice",
        "Platforms",
        "Per job: usual platform and the cheapest reliable one, with the saving",
        (c, f) -> q.platformAdvice(f));
    get("/api/agents", "Agents", "Invocations per agent", (c, f) -> q.agents(f));
    run("/api/runs/{id}/metrics", "A run's metrics", (c, f) -> q.runMetrics(c.pathParam("id")));
    run(
        "/api/runs/{id}/findings",
        "A run's findings and fixes",
        (c, f) -> q.runFindings(c.pathParam("id")));
    run("/api/runs/{id}/cost", "A run's cost breakdown", (c, f) -> q.runCost(c.pathParam("id")));
    run(
        "/api/runs/{id}/platforms",
        "The run's job per platform (last 90 days)",
        (c, f) -> q.runPlatforms(c.pathParam("id")));
    run(
        "/api/runs/{id}/quality",
        "A run's quality dimensions",
        (c, f) -> q.runQuality(c.pathParam("id")));
    run(
        "/api/runs/{id}/compliance",
        "A run's compliance checks",
        (c, f) -> q.runCompliance(c.pathParam("id")));
    run(
        "/api/runs/{id}/stages",
        "A run's stages (the longest 200): sizes, spill, task-time skew",
        (c, f) -> q.runStages(c.pathParam("id")));
    run(
        "/api/runs/{id}/agents",
        "The agents' invocations of a run",
        (c, f) -> q.runAgents(c.pathParam("id")));
  }

  /** Registers every endpoint, its CSV twin and the admin POST endpoints. */
  public void register(Javalin app) {
    for (Endpoint e : endpoints) {
      app.get(e.path(), ctx -> respond(ctx, e, ctx.queryParam("format")));
      app.get(e.path() + "/export.csv", ctx -> respond(ctx, e, "csv"));
    }
    app.get(
        "/api/runs/{id}",
        ctx -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("execution", queries.run(ctx.pathParam("id")));
          body.put("invocations", queries.store().invocations(ctx.pathParam("id")));
          ctx.json(body);
        });
    app.get("/api/filters", ctx -> ctx.json(queries.filterChoices()));
    app.post("/api/issues/resolve", this::resolveIssue);
    app.post(
        "/api/compliance/audit/export",
        ctx -> {
          Table trail = queries.auditExport();
          queries
              .store()
              .appendAudit(
                  new AuditEvent(
                      queries.clock().instant(),
                      "dashboard-admin",
                      "audit-exported",
                      "compliance_audit",
                      trail.rows().size() + " entries exported as CSV"));
          sendCsv(ctx, trail, "audit-trail.csv");
        });
  }

  private void respond(Context ctx, Endpoint e, String format) {
    DashboardFilter filter =
        e.filtered() ? DashboardFilter.parse(ctx::queryParam, queries.clock()) : null;
    Table table = e.handler().handle(ctx, filter);
    if (format == null || format.isBlank() || format.equals("json")) {
      ctx.json(table);
    } else if (format.equals("csv")) {
      String name = e.path().replaceAll("^/api/", "").replaceAll("[^A-Za-z0-9]+", "-");
      sendCsv(ctx, table, name + ".csv");
    } else {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid format: '" + format + "' (known: json, csv)");
    }
  }

  /** CSV with a header of labels and units, one line per row. */
  public static String csv(Table table) {
    CsvWriter w = new CsvWriter();
    w.row(
        table.columns().stream()
            .map(c -> c.unit().isEmpty() ? c.label() : c.label() + " (" + c.unit() + ")")
            .toList());
    table.rows().forEach(w::row);
    return w.toString();
  }

  private static void sendCsv(Context ctx, Table table, String fileName) {
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    ctx.result(csv(table));
  }

  private void resolveIssue(Context ctx) {
    String job = ctx.formParam("job");
    String type = ctx.formParam("type");
    if (job == null || job.isBlank() || type == null || type.isBlank()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid issue: job and type form fields are required (e.g. job=orders&type=data-skew)");
    }
    IssueKey key = new IssueKey(job, type);
    boolean known = queries.store().issues().stream().anyMatch(i -> i.key().equals(key));
    if (!known) {
      throw new StrandsException(
          ErrorCode.PATH_NOT_FOUND, "Cannot find issue: " + type + " of job " + job);
    }
    IssueEntry resolved =
        queries.store().resolveIssue(key, "dashboard-admin", queries.clock().instant());
    // A form post from the page gets back to the page; API clients get the entry.
    boolean fromForm = ctx.formParam("csrf") != null && ctx.header("X-CSRF-Token") == null;
    if (fromForm) {
      ctx.redirect("/issues", io.javalin.http.HttpStatus.SEE_OTHER);
    } else {
      ctx.json(resolved);
    }
  }

  /** The caller's role as a lower-case word, for pages. */
  public static String roleName(Context ctx) {
    return AccessControl.role(ctx).name().toLowerCase(java.util.Locale.ROOT);
  }
}
