package io.strandsetl.agents.runtime;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The agents and their tools, by name, in registration order. Lookups fail naming what exists. */
public final class ToolRegistry {
  private final Map<String, Agent> agents;

  private ToolRegistry(Map<String, Agent> agents) {
    this.agents = Collections.unmodifiableMap(agents);
  }

  /**
   * The given agents plus those of every {@link AgentFactory} found by {@link ServiceLoader}.
   *
   * @throws StrandsException INTERNAL_ERROR when two agents, or two tools of one agent, share a
   *     name
   */
  public static ToolRegistry of(List<? extends Agent> builtIn, AgentContext context) {
    List<Agent> all = new ArrayList<>(builtIn);
    for (AgentFactory f :
        ServiceLoader.load(AgentFactory.class, ToolRegistry.class.getClassLoader())) {
      all.add(f.create(context));
    }
    return of(all);
  }

  /** Exactly the given agents. */
  public static ToolRegistry of(List<? extends Agent> agents) {
    Map<String, Agent> byName = new LinkedHashMap<>();
    for (Agent a : agents) {
      if (byName.putIfAbsent(a.name(), a) != null) {
        throw new StrandsException(
            ErrorCode.INTERNAL_ERROR, "Invalid agents: '" + a.name() + "' is registered twice");
      }
      List<String> seen = new ArrayList<>();
      for (Tool<?, ?> t : a.tools()) {
        if (seen.contains(t.name())) {
          throw new StrandsException(
              ErrorCode.INTERNAL_ERROR,
              "Invalid agent '" + a.name() + "': tool '" + t.name() + "' is listed twice");
        }
        seen.add(t.name());
      }
    }
    return new ToolRegistry(byName);
  }

  public List<Agent> agents() {
    return List.copyOf(agents.values());
  }

  /**
   * @throws StrandsException UNKNOWN_PLUGIN listing the known agents
   */
  public Agent agent(String name) {
    Agent a = agents.get(name);
    if (a == null) {
      throw new StrandsException(
          ErrorCode.UNKNOWN_PLUGIN,
          "Invalid agent: '" + name + "' (known: " + agents.keySet() + ")");
    }
    return a;
  }

  /** The agent of type {@code type} registered under {@code name}. */
  public <A extends Agent> A agent(String name, Class<A> type) {
    return type.cast(agent(name));
  }

  /**
   * @throws StrandsException UNKNOWN_PLUGIN listing the agent's tools
   */
  public Tool<?, ?> tool(String agentName, String toolName) {
    Agent a = agent(agentName);
    List<String> names = new ArrayList<>();
    for (Tool<?, ?> t : a.tools()) {
      if (t.name().equals(toolName)) {
        return t;
      }
      names.add(t.name());
    }
    throw new StrandsException(
        ErrorCode.UNKNOWN_PLUGIN,
        "Invalid tool: '" + toolName + "' of agent " + agentName + " (known: " + names + ")");
  }
}
