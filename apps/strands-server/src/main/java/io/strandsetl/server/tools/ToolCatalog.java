package io.strandsetl.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The agents' tools as the dashboard's REST API offers them, supplied by the process that starts
 * the server (the CLI adapts the agents' tool registry; this module does not depend on the agents,
 * which depend on Spark).
 */
public interface ToolCatalog {
  /** Every tool, in a stable order (agent by agent). */
  List<ToolDescription> tools();

  /**
   * Calls one tool with its JSON input and returns its JSON output.
   *
   * @throws io.strandsetl.model.StrandsException for invalid input (user error: HTTP 400) or a
   *     failure of the tool
   */
  JsonNode call(String agent, String tool, JsonNode input);

  /**
   * The tools' own OpenAPI 3.1 document ({@code strands agents openapi}): one {@code POST
   * /agents/{agent}/tools/{tool}} per tool whose request and 200 response reference schemas under
   * {@code components/schemas}. The server merges it into its own document.
   */
  JsonNode openApi();
}
