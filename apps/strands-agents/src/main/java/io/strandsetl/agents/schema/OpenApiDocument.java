package io.strandsetl.agents.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.runtime.ToolRegistry;

/**
 * The OpenAPI 3.1 document of every tool in a {@link ToolRegistry}: one {@code POST
 * /agents/{agent}/tools/{tool}} operation per tool, its input as the JSON request body and its
 * output as the 200 response, schemas under {@code components/schemas} named {@code
 * <agent>_<tool>_input} / {@code _output}; errors are {@code {code, kind, message}} with 400 for a
 * user error and 500 otherwise (the HTTP mapping of {@link io.strandsetl.model.ErrorKind}).
 */
public final class OpenApiDocument {
  public static final String VERSION = "3.1.0";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenApiDocument() {}

  public static ObjectNode of(ToolRegistry registry, String apiVersion) {
    ObjectNode doc = NODES.objectNode();
    doc.put("openapi", VERSION);
    ObjectNode info = doc.putObject("info");
    info.put("title", "Strands ETL agents");
    info.put("version", apiVersion);
    info.put(
        "description",
        "Typed tools of the Strands agents. The same tools are listed by `strands agents list`,"
            + " called by `strands agents call AGENT TOOL --json '{…}'` and offered to a configured"
            + " language model.");
    doc.put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema");
    ArrayNode tags = doc.putArray("tags");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode components = doc.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    schemas.set("Error", errorSchema());
    for (Agent agent : registry.agents()) {
      tags.addObject().put("name", agent.name()).put("description", agent.purpose());
      for (Tool<?, ?> tool : agent.tools()) {
        String id = agent.name() + "_" + tool.name();
        schemas.set(id + "_input", tool.inputSchema());
        schemas.set(id + "_output", tool.outputSchema());
        ObjectNode post =
            paths.putObject("/agents/" + agent.name() + "/tools/" + tool.name()).putObject("post");
        post.put("operationId", id);
        post.putArray("tags").add(agent.name());
        post.put("summary", tool.description());
        // Writing tools need the dashboard's admin token; read-only ones its viewer token.
        post.put("x-changes-state", tool.changesState());
        ObjectNode body = post.putObject("requestBody");
        body.put("required", true);
        body.putObject("content")
            .putObject("application/json")
            .putObject("schema")
            .put("$ref", "#/components/schemas/" + id + "_input");
        ObjectNode responses = post.putObject("responses");
        response(responses, "200", "The tool's result.", id + "_output");
        response(responses, "400", "Invalid input or a user error.", "Error");
        response(responses, "500", "An internal or external failure.", "Error");
      }
    }
    return doc;
  }

  private static void response(ObjectNode responses, String status, String text, String schema) {
    ObjectNode r = responses.putObject(status);
    r.put("description", text);
    r.putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/" + schema);
  }

  private static ObjectNode errorSchema() {
    ObjectNode s = NODES.objectNode().put("type", "object").put("title", "Error");
    ObjectNode p = s.putObject("properties");
    p.putObject("code").put("type", "string").put("description", "ErrorCode name");
    p.putObject("kind")
        .put("type", "string")
        .put("description", "USER, INTERNAL or EXTERNAL")
        .putArray("enum")
        .add("USER")
        .add("INTERNAL")
        .add("EXTERNAL");
    p.putObject("message").put("type", "string").put("description", "one line");
    s.putArray("required").add("code").add("kind").add("message");
    return s;
  }
}
