package io.strandsetl.agents.compliance;

import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.supervisor.Contribution;
import io.strandsetl.agents.supervisor.RunParticipant;
import io.strandsetl.agents.supervisor.RunState;
import java.util.Map;

/**
 * The Compliance agent's policy for a run: nothing to do without a compliance section; otherwise
 * the compliance hook's outcome (masking and blocking run inside the run).
 */
public final class ComplianceParticipant implements RunParticipant {
  @Override
  public String name() {
    return ComplianceAgent.NAME;
  }

  @Override
  public Contribution onRun(RunState run, AgentInvoker tools) {
    if (run.spec() == null || run.spec().compliance().isEmpty()) {
      return Contribution.of(
          new Conclusion(
              name(),
              Conclusion.Status.SKIPPED,
              "the pipeline has no compliance section",
              Map.of(),
              0));
    }
    return Contribution.of(
        new Conclusion(
            name(),
            Conclusion.Status.NOT_AVAILABLE,
            "not available: " + ComplianceAgent.MODULE + " not installed",
            Map.of(),
            0));
  }
}
