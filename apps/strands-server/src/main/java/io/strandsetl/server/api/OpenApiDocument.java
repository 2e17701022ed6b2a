package io.strandsetl.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the OpenAPI 3.0 document of the API from the endpoint list (so it cannot drift from the
 * routes) plus the path items of server extensions.
 */
public final class OpenApiDocument {
  private OpenApiDocument() {}

  private static final List<String[]> FILTERS =
      List.of(
          new String[] {"from", "first UTC day (YYYY-MM-DD) or instant; default 30 days before to"},
          new String[] {"to", "last UTC day (YYYY-MM-DD, inclusive) or instant; default now"},
          new String[] {"job", "only this job"},
          new String[] {"team", "only runs tagged team=<value>"},
          new String[] {"platform", "only this platform (glue, emr, lambda, local, cluster, ...)"},
          new String[] {"status", "SUCCEEDED, FAILED or CANCELLED"});

  public static Map<String, Object> build(
      List<ApiRoutes.Endpoint> endpoints, List<Map<String, Object>> extensionPaths) {
    return build(endpoints, extensionPaths, Map.of());
  }

  /**
   * The document; OpenAPI 3.1 so that the agents' tool schemas (JSON Schema 2020-12) merge in
   * unchanged.
   *
   * @param extensionSchemas component schemas referenced by the extensions' path items
   */
  public static Map<String, Object> build(
      List<ApiRoutes.Endpoint> endpoints,
      List<Map<String, Object>> extensionPaths,
      Map<String, Object> extensionSchemas) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema");
    doc.put(
        "info",
        Map.of(
            "title", "Strands ETL dashboard API",
            "version", "1",
            "description",
                "Read-only JSON behind every chart and table (tables: columns with units, rows)."
                    + " Every GET table endpoint also answers CSV with ?format=csv or the"
                    + " /export.csv suffix. Money in USD, durations in s or ms, rates in %."));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (ApiRoutes.Endpoint e : endpoints) {
      List<Object> params = new java.util.ArrayList<>();
      if (e.path().contains("{id}")) {
        params.add(param("id", "path", "execution id", true));
      }
      if (e.filtered()) {
        FILTERS.forEach(f -> params.add(param(f[0], "query", f[1], false)));
      }
      new java.util.TreeMap<>(e.params())
          .forEach((k, v) -> params.add(param(k, "query", v, false)));
      params.add(param("format", "query", "json (default) or csv", false));
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("tags", List.of(e.section()));
      op.put("summary", e.summary());
      op.put("operationId", operationId(e.path()));
      op.put("parameters", params);
      Map<String, Object> responses = new LinkedHashMap<>();
      responses.put(
          "200",
          Map.of(
              "description",
              "the table",
              "content",
              Map.of(
                  "application/json",
                  Map.of("schema", Map.of("$ref", "#/components/schemas/Table")),
                  "text/csv",
                  Map.of("schema", Map.of("type", "string")))));
      responses.put("400", errorResponse("invalid filter or parameter"));
      responses.put("401", errorResponse("no or unknown token"));
      if (e.path().contains("{id}")) {
        responses.put("404", errorResponse("unknown execution id"));
      }
      op.put("responses", responses);
      paths.put(e.path(), Map.of("get", op));
    }
    paths.put(
        "/api/issues/resolve",
        Map.of(
            "post",
            Map.of(
                "tags", List.of("Issues"),
                "summary", "Resolve an issue (admin token)",
                "operationId", "resolveIssue",
                "requestBody",
                    Map.of(
                        "required",
                        true,
                        "content",
                        Map.of(
                            "application/x-www-form-urlencoded",
                            Map.of(
                                "schema",
                                Map.of(
                                    "type", "object",
                                    "required", List.of("job", "type"),
                                    "properties",
                                        Map.of(
                                            "job", Map.of("type", "string"),
                                            "type", Map.of("type", "string")))))),
                "responses",
                    Map.of(
                        "200", Map.of("description", "the resolved registry entry"),
                        "403", errorResponse("viewer token or missing CSRF token"),
                        "404", errorResponse("unknown issue")))));
    paths.put(
        "/api/compliance/audit/export",
        Map.of(
            "post",
            Map.of(
                "tags",
                List.of("Compliance"),
                "summary",
                "Export the whole audit trail as CSV (admin token; itself audited)",
                "operationId",
                "exportAudit",
                "responses",
                Map.of(
                    "200",
                        Map.of(
                            "description",
                            "CSV",
                            "content",
                            Map.of("text/csv", Map.of("schema", Map.of("type", "string")))),
                    "403", errorResponse("viewer token or missing CSRF token")))));
    extensionPaths.forEach(paths::putAll);
    doc.put("paths", paths);
    Map<String, Object> schemas = new LinkedHashMap<>();
    schemas.put(
        "Table",
        Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                "columns",
                    Map.of(
                        "type",
                        "array",
                        "items",
                        Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of(
                                "key", Map.of("type", "string"),
                                "label", Map.of("type", "string"),
                                "unit", Map.of("type", "string")))),
                "rows",
                    Map.of("type", "array", "items", Map.of("type", "array", "items", Map.of())))));
    schemas.put(
        "Error",
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("error", Map.of("type", "string"), "status", Map.of("type", "integer"))));
    extensionSchemas.forEach(schemas::putIfAbsent);
    doc.put(
        "components",
        Map.of(
            "schemas",
            schemas,
            "securitySchemes",
            Map.of(
                "bearer", Map.of("type", "http", "scheme", "bearer"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "strands_session"))));
    doc.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
    return doc;
  }

  private static Map<String, Object> param(
      String name, String in, String description, boolean required) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("in", in);
    p.put("description", description);
    p.put("required", required);
    p.put("schema", Map.of("type", "string"));
    return p;
  }

  /** An OpenAPI response with the shared Error schema. */
  public static Map<String, Object> errorResponse(String description) {
    return Map.of(
        "description",
        description,
        "content",
        Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
  }

  private static String operationId(String path) {
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char ch : path.replace("/api/", "").replace("{id}", "ById").toCharArray()) {
      if (Character.isLetterOrDigit(ch)) {
        b.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      } else {
        upper = b.length() > 0;
      }
    }
    return b.toString();
  }
}
