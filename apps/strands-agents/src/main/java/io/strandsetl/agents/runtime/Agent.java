package io.strandsetl.agents.runtime;

import java.util.List;

/**
 * An agent: a name, a purpose and typed tools. Its policy (which tools to call for a run) lives in
 * the agent's own class; the Supervisor calls it through an {@link AgentInvoker} so that every tool
 * call is recorded and bounded by the agent's timeout.
 */
public interface Agent {
  /** Stable kebab-case name, e.g. {@code decision}, {@code cost}. */
  String name();

  /** One sentence: what the agent is for. */
  String purpose();

  /** The agent's tools, in a stable order. */
  List<Tool<?, ?>> tools();
}
