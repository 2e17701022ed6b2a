package io.strandsetl.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.strandsetl.server.api.DashboardQueries;
import io.strandsetl.server.security.AccessControl;
import io.strandsetl.server.security.Role;
import io.strandsetl.server.security.Sessions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's HTML: a server-rendered shell per section (navigation, filter bar, empty cards
 * that name their API endpoint) that {@code /static/dashboard.js} fills. Every value in the HTML is
 * escaped here; the script inserts data with {@code textContent} only.
 */
public final class Pages {
  /** An ordered list of the eight sections: path, title. */
  static final List<String[]> SECTIONS =
      List.of(
          new String[] {"/", "Overview", "overview"},
          new String[] {"/timeline", "Timeline", "timeline"},
          new String[] {"/cost", "Cost", "cost"},
          new String[] {"/quality", "Quality", "quality"},
          new String[] {"/issues", "Issues", "issues"},
          new String[] {"/compliance", "Compliance", "compliance"},
          new String[] {"/platforms", "Platforms", "platforms"},
          new String[] {"/agents", "Agents", "agents"});

  static final List<String> FILTER_KEYS =
      List.of("from", "to", "job", "team", "platform", "status");

  private final DashboardQueries queries;
  private final AccessControl access;
  private final boolean erasure;

  public Pages(DashboardQueries queries, AccessControl access) {
    this(queries, access, false);
  }

  /**
   * @param erasure true when the server can erase a data subject: admins see the form on the
   *     Compliance page
   */
  public Pages(DashboardQueries queries, AccessControl access, boolean erasure) {
    this.queries = queries;
    this.access = access;
    this.erasure = erasure;
  }

  /** A card: kind of rendering, title, API path and rendering options (data-* attributes). */
  record Card(String kind, String title, String api, Map<String, String> options, String wide) {
    Card(String kind, String title, String api, Map<String, String> options) {
      this(kind, title, api, options, "");
    }

    static Card wide(String kind, String title, String api, Map<String, String> options) {
      return new Card(kind, title, api, options, "wide");
    }
  }

  static List<Card> cards(String section) {
    return switch (section) {
      case "overview" ->
          List.of(
              Card.wide("kpi", "Quick metrics", "/api/overview/metrics", Map.of()),
              new Card("kpi", "Running now", "/api/running/counts", Map.of()),
              new Card(
                  "bar",
                  "Executions by status",
                  "/api/overview/status",
                  Map.of("x", "status", "y", "executions,last_day")),
              Card.wide("table", "Running now", "/api/running", Map.of()),
              Card.wide("table", "Latest executions", "/api/executions?limit=20", Map.of()));
      case "timeline" ->
          List.of(
              Card.wide("gantt", "Execution timeline", "/api/timeline?limit=300", Map.of()),
              Card.wide("table", "Runs", "/api/timeline?limit=300", Map.of()));
      case "cost" ->
          List.of(
              Card.wide(
                  "line",
                  "Daily cost",
                  "/api/cost/trend?period=day",
                  Map.of("x", "period_start", "y", "cost_usd")),
              new Card(
                  "bar",
                  "Weekly cost",
                  "/api/cost/trend?period=week",
                  Map.of("x", "period_start", "y", "cost_usd")),
              new Card(
                  "bar",
                  "Monthly cost",
                  "/api/cost/trend?period=month",
                  Map.of("x", "period_start", "y", "cost_usd")),
              new Card(
                  "hbar",
                  "Cost by job (top 15)",
                  "/api/cost/by-job?limit=15",
                  Map.of("x", "job", "y", "cost_usd")),
              new Card(
                  "pie",
                  "Cost by job type",
                  "/api/cost/by-job-type",
                  Map.of("x", "job_type", "y", "cost_usd")),
              Card.wide("forecast", "Cost forecast (80% bounds)", "/api/cost/forecast", Map.of()),
              Card.wide("table", "Forecast method", "/api/cost/forecast/summary", Map.of()),
              Card.wide("table", "Top 10 most expensive jobs", "/api/cost/top-jobs", Map.of()),
              Card.wide("table", "Budget vs actual", "/api/cost/budget", Map.of()),
              Card.wide("table", "Optimisation suggestions", "/api/cost/suggestions", Map.of()));
      case "quality" ->
          List.of(
              Card.wide(
                  "line",
                  "Overall quality trend",
                  "/api/quality/trend",
                  Map.of("x", "day", "y", "overall_pct")),
              new Card(
                  "bar",
                  "Five dimensions",
                  "/api/quality/dimensions",
                  Map.of("x", "dimension", "y", "score_pct")),
              new Card(
                  "line",
                  "Dimensions per day",
                  "/api/quality/trend",
                  Map.of(
                      "x",
                      "day",
                      "y",
                      "completeness_pct,accuracy_pct,consistency_pct,timeliness_pct,validity_pct")),
              Card.wide("table", "Alerts", "/api/quality/alerts", Map.of()),
              new Card("table", "Anomalies", "/api/quality/anomalies", Map.of()),
              Card.wide(
                  "table",
                  "Profiling results (latest run per job)",
                  "/api/quality/profiles",
                  Map.of()));
      case "issues" ->
          List.of(
              Card.wide(
                  "heatmap",
                  "Issue type × job (occurrences)",
                  "/api/issues/heatmap",
                  Map.of("x", "job", "y", "issue_type", "v", "occurrences")),
              new Card(
                  "bar",
                  "By severity",
                  "/api/issues/by-severity",
                  Map.of("x", "severity", "y", "occurrences,active")),
              new Card(
                  "pie",
                  "Resolution status",
                  "/api/issues/status",
                  Map.of("x", "status", "y", "issues")),
              Card.wide(
                  "line",
                  "Issues detected per day",
                  "/api/issues/trend",
                  Map.of("x", "day", "y", "critical,high,medium,low")),
              Card.wide("table", "Top recurring", "/api/issues/top", Map.of()),
              Card.wide(
                  "table",
                  "Open and reopened",
                  "/api/issues/active",
                  Map.of("actions", "resolve")));
      case "compliance" ->
          List.of(
              Card.wide("kpi", "Compliance summary", "/api/compliance/summary", Map.of()),
              new Card(
                  "hbar",
                  "PII columns per job (counts only)",
                  "/api/compliance/pii",
                  Map.of("x", "job", "y", "pii_columns,masked_columns")),
              new Card(
                  "table", "Audit chain verification", "/api/compliance/audit/verify", Map.of()),
              Card.wide("table", "Violations and alerts", "/api/compliance/violations", Map.of()),
              Card.wide(
                  "table", "Audit trail (newest 50)", "/api/compliance/audit?limit=50", Map.of()));
      case "platforms" ->
          List.of(
              new Card(
                  "bar",
                  "Average cost",
                  "/api/platforms",
                  Map.of("x", "platform", "y", "avg_cost_usd")),
              new Card(
                  "bar",
                  "Average duration",
                  "/api/platforms",
                  Map.of("x", "platform", "y", "avg_duration_s")),
              new Card(
                  "bar",
                  "Success rate",
                  "/api/platforms",
                  Map.of("x", "platform", "y", "success_rate_pct")),
              Card.wide("table", "Platform comparison", "/api/platforms", Map.of()),
              Card.wide(
                  "table",
                  "Recommendation per job (cheapest platform with at least 90% success)",
                  "/api/platforms/advice",
                  Map.of()));
      case "agents" ->
          List.of(
              new Card(
                  "bar", "Invocations", "/api/agents", Map.of("x", "agent", "y", "invocations")),
              new Card(
                  "bar",
                  "Average response time",
                  "/api/agents",
                  Map.of("x", "agent", "y", "avg_response_ms")),
              Card.wide("table", "Agent activity", "/api/agents", Map.of()));
      default -> throw new IllegalArgumentException("Invalid section: " + section);
    };
  }

  static List<Card> runCards(String id) {
    String base = "/api/runs/" + Html.url(id);
    return List.of(
        new Card("table", "Metrics", base + "/metrics", Map.of("nofilter", "true")),
        new Card(
            "bar",
            "Cost breakdown",
            base + "/cost",
            Map.of("x", "part", "y", "cost_usd", "nofilter", "true")),
        Card.wide("table", "Findings and fixes", base + "/findings", Map.of("nofilter", "true")),
        Card.wide("table", "Stages", base + "/stages", Map.of("nofilter", "true")),
        Card.wide(
            "table",
            "This job per platform (last 90 days)",
            base + "/platforms",
            Map.of("nofilter", "true")),
        new Card(
            "bar",
            "Quality",
            base + "/quality",
            Map.of("x", "dimension", "y", "score_pct", "nofilter", "true")),
        new Card("table", "Compliance", base + "/compliance", Map.of("nofilter", "true")),
        Card.wide("table", "Agents' timeline", base + "/agents", Map.of("nofilter", "true")));
  }

  /** Each section's page path and the API URLs its cards fetch (for the benchmark). */
  public static Map<String, List<String>> sectionApis() {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (String[] s : SECTIONS) {
      out.put(s[0], cards(s[2]).stream().map(Card::api).distinct().toList());
    }
    return out;
  }

  public void register(Javalin app) {
    for (String[] s : SECTIONS) {
      app.get(s[0], ctx -> ctx.html(section(ctx, s[2], s[1], cards(s[2]), "")));
    }
    app.get(
        "/runs/{id}",
        ctx -> {
          String id = ctx.pathParam("id");
          queries.run(id); // 404 for an unknown id
          ctx.html(
              section(
                  ctx,
                  "run",
                  "Run " + id,
                  runCards(id),
                  "<p class=\"note\">Stages: the longest "
                      + io.strandsetl.model.store.StageSummary.MAX_PER_EXECUTION
                      + " stage attempts of the run are kept; the run's event log has all of them"
                      + " (<code>strands analyze</code>).</p>"));
        });
    app.get("/api/docs", ctx -> ctx.html(swaggerPage(ctx.attribute(AccessControl.CSRF))));
    app.get("/login", ctx -> ctx.html(loginPage(ctx.queryParam("next"), "")));
    app.post("/login", this::login);
    app.post(
        "/logout",
        ctx -> {
          access.sessions().close(ctx.cookie(Sessions.COOKIE));
          ctx.header(
              "Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
          ctx.redirect("/login", HttpStatus.SEE_OTHER);
        });
  }

  private void login(Context ctx) {
    String next = safeNext(ctx.formParam("next"));
    Optional<Role> role = access.tokens().roleOf(ctx.formParam("token"));
    if (role.isEmpty()) {
      ctx.status(401).html(loginPage(next, "Unknown token."));
      return;
    }
    Sessions.Session s = access.sessions().open(role.get());
    ctx.header(
        "Set-Cookie",
        Sessions.COOKIE
            + "="
            + s.id()
            + "; Path=/; Max-Age="
            + Sessions.TTL.toSeconds()
            + "; HttpOnly; SameSite=Strict");
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  /** Only same-site relative paths: an open redirect to another site is refused. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/";
    }
    return next;
  }

  private String filterQuery(Context ctx) {
    StringBuilder q = new StringBuilder();
    for (String k : FILTER_KEYS) {
      String v = ctx.queryParam(k);
      if (v != null && !v.isBlank()) {
        q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(Html.url(v));
      }
    }
    return q.toString();
  }

  private String section(Context ctx, String key, String title, List<Card> cards, String note) {
    Role role = AccessControl.role(ctx);
    String csrf = ctx.attribute(AccessControl.CSRF);
    String query = filterQuery(ctx);
    StringBuilder b = new StringBuilder(8192);
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.esc(title))
        .append(" · Strands ETL</title>")
        .append("<meta name=\"csrf-token\" content=\"")
        .append(Html.esc(csrf == null ? "" : csrf))
        .append("\">")
        .append("<link rel=\"stylesheet\" href=\"/static/dashboard.css\">")
        .append("<script src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\" defer></script>")
        .append("<script src=\"/static/dashboard.js\" defer></script>")
        .append("</head><body data-section=\"")
        .append(key)
        .append("\" data-role=\"")
        .append(role.name().toLowerCase(Locale.ROOT))
        .append("\">");
    b.append("<header><a class=\"brand\" href=\"/")
        .append(Html.esc(query))
        .append("\">Strands ETL</a><nav>");
    for (String[] s : SECTIONS) {
      b.append("<a href=\"")
          .append(Html.esc(s[0] + query))
          .append("\"")
          .append(s[2].equals(key) ? " class=\"current\" aria-current=\"page\"" : "")
          .append(">")
          .append(s[1])
          .append("</a>");
    }
    b.append("<a href=\"/api/docs\">API</a></nav><span class=\"who\">")
        .append(role.name().toLowerCase(Locale.ROOT))
        .append("</span>");
    if (csrf != null) {
      b.append("<form method=\"post\" action=\"/logout\" class=\"logout\">")
          .append("<input type=\"hidden\" name=\"csrf\" value=\"")
          .append(Html.esc(csrf))
          .append("\"><button type=\"submit\">Log out</button></form>");
    }
    b.append("</header>");
    if (!key.equals("run")) {
      b.append(filterBar(ctx));
    }
    b.append("<main><h1>").append(Html.esc(title)).append("</h1>").append(note);
    b.append("<div class=\"grid\">");
    for (Card c : cards) {
      b.append("<section class=\"card ")
          .append(c.wide())
          .append("\" data-kind=\"")
          .append(c.kind())
          .append("\" data-api=\"")
          .append(Html.esc(c.api()))
          .append("\"");
      c.options().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              o ->
                  b.append(" data-")
                      .append(o.getKey())
                      .append("=\"")
                      .append(Html.esc(o.getValue()))
                      .append("\""));
      b.append("><div class=\"card-head\"><h2>")
          .append(Html.esc(c.title()))
          .append("</h2><a class=\"csv\" href=\"#\">CSV</a></div><div class=\"body\">")
          .append("<p class=\"loading\">Loading…</p></div></section>");
    }
    b.append("</div>");
    if (key.equals("compliance") && role.canWrite() && csrf != null) {
      b.append("<form method=\"post\" action=\"/api/compliance/audit/export\" class=\"admin\">")
          .append("<input type=\"hidden\" name=\"csrf\" value=\"")
          .append(Html.esc(csrf))
          .append("\"><button type=\"submit\">Export the whole audit trail (CSV)</button></form>");
      if (erasure) {
        b.append(
            io.strandsetl.server.erasure.ErasureRoutes.form(
                csrf, queries.filterChoices().getOrDefault("job", List.of())));
      }
    }
    b.append("</main></body></html>");
    return b.toString();
  }

  private String filterBar(Context ctx) {
    Map<String, List<String>> choices = queries.filterChoices();
    StringBuilder b = new StringBuilder(2048);
    b.append("<form class=\"filters\" method=\"get\" action=\"")
        .append(Html.esc(ctx.path()))
        .append("\">");
    b.append(dateInput(ctx, "from", "From")).append(dateInput(ctx, "to", "To"));
    for (String k : List.of("job", "team", "platform", "status")) {
      String current = ctx.queryParam(k);
      b.append("<label>")
          .append(Character.toUpperCase(k.charAt(0)))
          .append(k.substring(1))
          .append(" <select name=\"")
          .append(k)
          .append("\"><option value=\"\">all</option>");
      List<String> values = new java.util.ArrayList<>(choices.getOrDefault(k, List.of()));
      if (current != null && !current.isBlank() && !values.contains(current)) {
        values.add(current);
      }
      for (String v : values) {
        b.append("<option value=\"")
            .append(Html.esc(v))
            .append("\"")
            .append(v.equals(current) ? " selected" : "")
            .append(">")
            .append(Html.esc(v))
            .append("</option>");
      }
      b.append("</select></label>");
    }
    b.append("<button type=\"submit\">Apply</button><a class=\"reset\" href=\"")
        .append(Html.esc(ctx.path()))
        .append("\">Reset</a></form>");
    return b.toString();
  }

  private static String dateInput(Context ctx, String name, String label) {
    String v = ctx.queryParam(name);
    return "<label>"
        + label
        + " <input type=\"date\" name=\""
        + name
        + "\" value=\""
        + Html.esc(v == null ? "" : v)
        + "\"></label>";
  }

  private static String loginPage(String next, String error) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Log in · Strands ETL</title>"
        + "<link rel=\"stylesheet\" href=\"/static/dashboard.css\"></head><body class=\"login\">"
        + "<main><h1>Strands ETL</h1><form method=\"post\" action=\"/login\">"
        + "<label>Token <input type=\"password\" name=\"token\" autocomplete=\"current-password\" required autofocus></label>"
        + "<input type=\"hidden\" name=\"next\" value=\""
        + Html.esc(safeNext(next))
        + "\"><button type=\"submit\">Log in</button>"
        + (error.isEmpty() ? "" : "<p class=\"error\">" + Html.esc(error) + "</p>")
        + "<p class=\"note\">Use the viewer token (read only) or the admin token printed by"
        + " <code>strands serve</code> or set as <code>server.viewer-token</code> /"
        + " <code>server.admin-token</code>.</p></form></main></body></html>";
  }

  /** Swagger UI; the session's CSRF token lets "Try it out" post (agent tools) from the page. */
  private static String swaggerPage(String csrf) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>API · Strands ETL</title>"
        + "<meta name=\"csrf-token\" content=\""
        + Html.esc(csrf == null ? "" : csrf)
        + "\">"
        + "<link rel=\"stylesheet\" href=\"/webjars/swagger-ui/5.34.1/swagger-ui.css\"></head><body>"
        + "<div id=\"swagger-ui\"></div>"
        + "<script src=\"/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js\"></script>"
        + "<script src=\"/static/swagger-init.js\"></script></body></html>";
  }
}
