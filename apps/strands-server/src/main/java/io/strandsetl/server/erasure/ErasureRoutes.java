package io.strandsetl.server.erasure;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.HtmlEscaper;
import io.strandsetl.model.StrandsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/compliance/erase}: the admin's erasure of one data subject, from the Compliance
 * page's form (answered with an HTML result page) or from an API client (JSON). Access control
 * (admin token, CSRF token for browser sessions) runs before it like for every write. Neither
 * answer contains the subject's value: only the column and the salted hash the audit trail keeps.
 */
public final class ErasureRoutes {
  public static final String PATH = "/api/compliance/erase";

  /** Who the audit trail names for an erasure asked for from the dashboard. */
  static final String ACTOR = "dashboard-admin";

  private final SubjectErasure erasure;

  public ErasureRoutes(SubjectErasure erasure) {
    this.erasure = erasure;
  }

  public void register(Javalin app) {
    app.post(PATH, this::erase);
  }

  private void erase(Context ctx) {
    // A form post from the page carries the CSRF token as a field; API clients send the header
    // (cookie sessions) or a bearer token, and get JSON.
    boolean fromForm = ctx.formParam("csrf") != null && ctx.header("X-CSRF-Token") == null;
    if (!fromForm) {
      ctx.json(erasure.erase(request(ctx)));
      return;
    }
    try {
      ErasureReport report = erasure.erase(request(ctx));
      ctx.html(resultPage(report, null));
    } catch (StrandsException e) {
      ctx.status(io.strandsetl.server.DashboardServer.statusOf(e));
      ctx.html(resultPage(null, e.getMessage()));
    }
  }

  private static ErasureRequest request(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (type.startsWith("application/json")) {
      Map<?, ?> body;
      try {
        body = ctx.bodyAsClass(Map.class);
      } catch (RuntimeException e) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Invalid erasure: the body is not a JSON object (expected {\"column\": …, \"value\": …,"
                + " \"job\" or \"pipeline\": …})");
      }
      return new ErasureRequest(
          text(body.get("column")),
          text(body.get("value")),
          text(body.get("job")),
          text(body.get("pipeline")),
          ACTOR);
    }
    return new ErasureRequest(
        ctx.formParam("column"),
        ctx.formParam("value"),
        ctx.formParam("job"),
        ctx.formParam("pipeline"),
        ACTOR);
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  /**
   * The form on the Compliance page (admin sessions only).
   *
   * @param csrf the session's CSRF token
   * @param jobs job names offered in the job list, in display order
   */
  public static String form(String csrf, List<String> jobs) {
    StringBuilder b = new StringBuilder(2048);
    b.append("<form method=\"post\" action=\"")
        .append(PATH)
        .append("\" class=\"admin erase\" autocomplete=\"off\">")
        .append("<h2>Erase a data subject (GDPR art. 17)</h2>")
        .append("<input type=\"hidden\" name=\"csrf\" value=\"")
        .append(esc(csrf))
        .append("\">")
        .append("<label>Column <input name=\"column\" required placeholder=\"customer_id\"")
        .append(" spellcheck=\"false\"></label>")
        .append("<label>Value <input name=\"value\" type=\"password\" required")
        .append(" autocomplete=\"off\"></label>")
        .append(
            "<label>Job <select name=\"job\"><option value=\"\">(pipeline file below)</option>");
    for (String j : jobs) {
      b.append("<option value=\"").append(esc(j)).append("\">").append(esc(j)).append("</option>");
    }
    b.append("</select></label>")
        .append("<label>or pipeline file <input name=\"pipeline\"")
        .append(" placeholder=\"/srv/pipelines/orders.yaml\" spellcheck=\"false\"></label>")
        .append("<button type=\"submit\" class=\"erase\">Erase</button>")
        .append("<p class=\"note\">Removes the subject's rows from every output of the job (or")
        .append(" pipeline), reads them again to verify, and records the erasure in the audit")
        .append(" trail with a salted hash of the value. The value is not shown again.</p>")
        .append("</form>");
    return b.toString();
  }

  /** The page answering a form post: the report, or the one-line error. */
  static String resultPage(ErasureReport report, String error) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Erasure · Strands ETL</title>")
        .append("<link rel=\"stylesheet\" href=\"/static/dashboard.css\"></head>")
        .append("<body data-section=\"erasure\"><main><h1>Erasure</h1>");
    if (report == null) {
      b.append("<p class=\"error\" id=\"erasure-error\">").append(esc(error)).append("</p>");
    } else {
      b.append("<p id=\"erasure-subject\">Subject: <code>")
          .append(esc(report.column()))
          .append("</code> with value hash <code class=\"digest\">")
          .append(esc(report.valueDigest()))
          .append("</code></p>");
      b.append(
              "<table id=\"erasure-outputs\" class=\"data\"><thead><tr><th>Pipeline</th><th>Output</th>")
          .append("<th>Path</th><th>Status</th><th>Rows removed</th><th>Rows remaining</th>")
          .append("</tr></thead><tbody>");
      for (ErasureReport.Output o : report.outputs()) {
        b.append("<tr><td>")
            .append(esc(o.pipeline()))
            .append("</td><td>")
            .append(esc(o.output()))
            .append("</td><td>")
            .append(esc(o.path()))
            .append("</td><td>")
            .append(esc(o.status()))
            .append("</td><td class=\"num\">")
            .append(o.rowsRemoved())
            .append("</td><td class=\"num\">")
            .append(o.rowsRemaining())
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
      b.append("<p id=\"erasure-verified\" class=\"")
          .append(report.verified() ? "ok" : "error")
          .append("\">")
          .append(
              report.verified()
                  ? "Verified: no row of the subject remains ("
                      + report.rowsRemoved()
                      + " removed)."
                  : "NOT verified: rows of the subject remain (see above).")
          .append("</p>");
      b.append("<p id=\"erasure-audit\">Audit entries: ")
          .append(
              report.auditSequences().isEmpty()
                  ? "none (no tracking store)"
                  : String.join(", ", report.auditSequences().stream().map(s -> "#" + s).toList()))
          .append("</p>");
    }
    b.append("<p><a href=\"/compliance\">Back to Compliance</a></p></main></body></html>");
    return b.toString();
  }

  private static String esc(String s) {
    return HtmlEscaper.escape(s == null ? "" : s);
  }

  /** The OpenAPI path item of the endpoint. */
  public static Map<String, Object> openApiPaths() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("column", Map.of("type", "string", "description", "the subject's key column"));
    props.put(
        "value",
        Map.of("type", "string", "description", "the subject's key value (never echoed back)"));
    props.put("job", Map.of("type", "string", "description", "job whose outputs to search"));
    props.put(
        "pipeline",
        Map.of("type", "string", "description", "or: pipeline YAML file on the server"));
    Map<String, Object> body =
        Map.of("type", "object", "required", List.of("column", "value"), "properties", props);
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("tags", List.of("Compliance"));
    op.put(
        "summary",
        "Erase a data subject from a job's or pipeline's outputs (admin token; audited with a"
            + " salted hash of the value)");
    op.put("operationId", "eraseSubject");
    op.put(
        "requestBody",
        Map.of(
            "required",
            true,
            "content",
            Map.of(
                "application/json",
                Map.of("schema", body),
                "application/x-www-form-urlencoded",
                Map.of("schema", body))));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put(
        "200",
        Map.of(
            "description",
            "what was removed, per output",
            "content",
            Map.of(
                "application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/ErasureReport")))));
    responses.put("400", error("missing column or value; neither or both of job and pipeline"));
    responses.put("401", error("no or unknown token"));
    responses.put("403", error("viewer token or missing CSRF token"));
    responses.put("404", error("no output of the job holds the column or a row of the subject"));
    op.put("responses", responses);
    return Map.of(PATH, Map.of("post", op));
  }

  /** The schemas the path item references. */
  public static Map<String, Object> openApiSchemas() {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("pipeline", Map.of("type", "string"));
    output.put("output", Map.of("type", "string", "description", "sink name"));
    output.put("path", Map.of("type", "string"));
    output.put(
        "status",
        Map.of(
            "type",
            "string",
            "enum",
            List.of("erased", "no-rows", "no-column", "missing", "masked-column")));
    output.put("rowsRemoved", Map.of("type", "integer"));
    output.put("rowsRemaining", Map.of("type", "integer"));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("column", Map.of("type", "string"));
    props.put(
        "valueDigest",
        Map.of("type", "string", "description", "hmac-sha256:<hex> (salted) or sha256:<hex>"));
    props.put(
        "outputs",
        Map.of("type", "array", "items", Map.of("type", "object", "properties", output)));
    props.put("verified", Map.of("type", "boolean"));
    props.put(
        "auditSequences",
        Map.of(
            "type",
            "array",
            "items",
            Map.of("type", "integer"),
            "description",
            "sequence numbers of the audit entries written"));
    return Map.of("ErasureReport", Map.of("type", "object", "properties", props));
  }

  private static Map<String, Object> error(String description) {
    return io.strandsetl.server.api.OpenApiDocument.errorResponse(description);
  }
}
