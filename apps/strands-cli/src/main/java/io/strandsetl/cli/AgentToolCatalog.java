package io.strandsetl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.InvocationLog;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.OpenApiDocument;
import io.strandsetl.agents.supervisor.AgentTeam;
import io.strandsetl.server.tools.ToolCatalog;
import io.strandsetl.server.tools.ToolDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The agents' tool registry as the dashboard's {@link ToolCatalog}: the same tools, schemas and
 * calls as {@code strands agents list|openapi|call}, each call bounded by its agent's timeout.
 */
final class AgentToolCatalog implements ToolCatalog {
  /**
   * Agents with tools that start a local SparkSession (profile, rules, PII scan, GDPR/HIPAA checks,
   * masking, erasure) or run a pipeline: one JVM has one Spark context, and a call that stops its
   * session would stop it under a concurrent one, so their calls take {@code sparkLock}.
   */
  static final Set<String> SPARK_AGENTS = Set.of("quality", "compliance", "supervisor");

  private final AgentTeam team;
  private final Object sparkLock;
  private final List<ToolDescription> tools;
  private final JsonNode openApi;

  /**
   * @param sparkLock shared with everything else in the process that starts and stops Spark (the
   *     dashboard's erasure)
   */
  AgentToolCatalog(AgentTeam team, Object sparkLock) {
    this.team = team;
    this.sparkLock = sparkLock;
    List<ToolDescription> all = new ArrayList<>();
    for (Agent a : team.registry().agents()) {
      for (Tool<?, ?> t : a.tools()) {
        all.add(new ToolDescription(a.name(), t.name(), t.description(), t.changesState()));
      }
    }
    this.tools = List.copyOf(all);
    String version = StrandsCli.class.getPackage().getImplementationVersion();
    this.openApi = OpenApiDocument.of(team.registry(), version == null ? "dev" : version);
  }

  @Override
  public List<ToolDescription> tools() {
    return tools;
  }

  @Override
  public JsonNode call(String agent, String tool, JsonNode input) {
    // One invoker (and log) per call: a long-running server must not accumulate invocations.
    if (SPARK_AGENTS.contains(agent)) {
      synchronized (sparkLock) {
        return callNow(agent, tool, input);
      }
    }
    return callNow(agent, tool, input);
  }

  private JsonNode callNow(String agent, String tool, JsonNode input) {
    try (AgentInvoker invoker = team.invoker(new InvocationLog("dashboard"))) {
      return invoker.withTimeout(agent, () -> invoker.callJson(agent, tool, input));
    }
  }

  @Override
  public JsonNode openApi() {
    return openApi.deepCopy();
  }
}
