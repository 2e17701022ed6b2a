package io.strandsetl.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents' tools over REST: {@code GET /api/agents/tools} lists them, {@code POST
 * /api/agents/{agent}/tools/{tool}} calls one with its JSON input and answers its JSON output. A
 * tool that changes state needs the admin token; a read-only tool the viewer token ({@link
 * #viewerMayPost}). The tools' OpenAPI document is merged into the dashboard's, under the same
 * paths with the {@code /api} prefix.
 */
public final class ToolRoutes {
  static final String PREFIX = "/api/agents/";
  public static final String LIST = "/api/agents/tools";

  private final ToolCatalog catalog;
  private final Map<String, ToolDescription> byPath = new LinkedHashMap<>();
  private final ObjectMapper mapper = new ObjectMapper();

  public ToolRoutes(ToolCatalog catalog) {
    this.catalog = catalog;
    for (ToolDescription t : catalog.tools()) {
      byPath.put(t.path(), t);
    }
  }

  /** True for a POST path of a known tool that only reads: a viewer may call it. */
  public boolean viewerMayPost(String path) {
    ToolDescription t = byPath.get(path);
    return t != null && !t.changesState();
  }

  public void register(Javalin app) {
    app.get(LIST, ctx -> ctx.json(Map.of("tools", list())));
    app.post(PREFIX + "{agent}/tools/{tool}", this::call);
  }

  private List<Map<String, Object>> list() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ToolDescription t : byPath.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("agent", t.agent());
      row.put("tool", t.tool());
      row.put("description", t.description());
      row.put("changesState", t.changesState());
      row.put("token", t.changesState() ? "admin" : "viewer");
      row.put("path", t.path());
      out.add(row);
    }
    return out;
  }

  private void call(Context ctx) {
    String agent = ctx.pathParam("agent");
    String tool = ctx.pathParam("tool");
    ToolDescription t =
        Optional.ofNullable(byPath.get(ctx.path()))
            .orElseThrow(
                () ->
                    new StrandsException(
                        ErrorCode.PATH_NOT_FOUND,
                        "Cannot find tool "
                            + tool
                            + " of agent "
                            + agent
                            + " (GET "
                            + LIST
                            + " lists them)"));
    JsonNode input;
    String body = ctx.body();
    if (body.isBlank()) {
      input = JsonNodeFactory.instance.objectNode();
    } else {
      try {
        input = mapper.readTree(body);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Invalid input of "
                + agent
                + "."
                + tool
                + ": not JSON ("
                + e.getOriginalMessage()
                + "); send one JSON object, e.g. {}");
      }
    }
    if (!input.isObject()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid input of " + agent + "." + tool + ": expected a JSON object, e.g. {}");
    }
    ctx.json(catalog.call(t.agent(), t.tool(), input));
  }

  /**
   * The tools' path items for the dashboard's OpenAPI document: the catalog's operations under
   * {@code /api/agents/…}, tagged {@code Agent tools: <agent>}, with the server's error responses
   * (400, 401, 403, 404, 500 as {@code Error}) and a note of the token each needs; plus the list.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> openApiPaths() {
    Map<String, Object> paths = new LinkedHashMap<>();
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("tags", List.of("Agent tools"));
    list.put("summary", "The agents' tools: agent, tool, description, token needed, path");
    list.put("operationId", "listAgentTools");
    list.put(
        "responses",
        Map.of(
            "200",
            Map.of("description", "{\"tools\": [...]}"),
            "401",
            error("no or unknown token")));
    paths.put(LIST, Map.of("get", list));
    Map<String, Object> doc = mapper.convertValue(catalog.openApi(), Map.class);
    Map<String, Object> toolPaths =
        (Map<String, Object>) doc.getOrDefault("paths", Map.<String, Object>of());
    toolPaths.forEach(
        (path, item) -> {
          String apiPath = "/api" + path;
          ToolDescription t = byPath.get(apiPath);
          Map<String, Object> post =
              new LinkedHashMap<>((Map<String, Object>) ((Map<String, Object>) item).get("post"));
          if (t == null || post == null) {
            return; // a path the catalog does not serve: not advertised
          }
          post.put("tags", List.of("Agent tools: " + t.agent()));
          post.put(
              "description",
              t.changesState()
                  ? "Changes state: admin token only."
                  : "Read only: viewer or admin token.");
          Map<String, Object> responses =
              new LinkedHashMap<>((Map<String, Object>) post.get("responses"));
          responses.put("400", error("invalid input or a user error"));
          responses.put("401", error("no or unknown token"));
          responses.put(
              "403",
              error(
                  t.changesState()
                      ? "viewer token (this tool changes state) or missing CSRF token"
                      : "missing CSRF token (browser sessions)"));
          responses.put("404", error("unknown agent or tool"));
          responses.put("500", error("the tool failed"));
          post.put("responses", responses);
          paths.put(apiPath, Map.of("post", post));
        });
    return paths;
  }

  /** The catalog's component schemas, except its own {@code Error} (the server's is used). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> openApiSchemas() {
    Map<String, Object> doc = mapper.convertValue(catalog.openApi(), Map.class);
    Map<String, Object> components =
        (Map<String, Object>) doc.getOrDefault("components", Map.<String, Object>of());
    Map<String, Object> schemas =
        new LinkedHashMap<>(
            (Map<String, Object>) components.getOrDefault("schemas", Map.<String, Object>of()));
    schemas.remove("Error");
    return schemas;
  }

  private static Map<String, Object> error(String description) {
    return io.strandsetl.server.api.OpenApiDocument.errorResponse(description);
  }
}
