package io.strandsetl.agents.cost;

import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.supervisor.Contribution;
import io.strandsetl.agents.supervisor.RunParticipant;
import io.strandsetl.agents.supervisor.RunState;
import java.util.Map;

/** The Cost Tracking agent's policy for a run: price it on its platform and every other. */
public final class CostParticipant implements RunParticipant {
  @Override
  public String name() {
    return CostAgent.NAME;
  }

  @Override
  public Contribution onRun(RunState run, AgentInvoker tools) {
    return Contribution.of(
        new Conclusion(
            name(),
            Conclusion.Status.NOT_AVAILABLE,
            "not available: " + CostAgent.MODULE + " not installed",
            Map.of(),
            0));
  }
}
