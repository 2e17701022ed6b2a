package io.strandsetl.agents.runtime;

/**
 * Creates an extra agent, found by {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.strandsetl.agents.runtime.AgentFactory}); its tools then appear in {@code
 * strands agents list}, the OpenAPI document and {@code strands ask}.
 */
public interface AgentFactory {
  Agent create(AgentContext context);
}
