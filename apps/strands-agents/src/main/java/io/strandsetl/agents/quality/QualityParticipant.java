package io.strandsetl.agents.quality;

import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.supervisor.Contribution;
import io.strandsetl.agents.supervisor.RunParticipant;
import io.strandsetl.agents.supervisor.RunState;
import java.util.Map;

/**
 * The Quality agent's policy for a run: nothing to do without a quality section; otherwise the
 * quality hook's outcome (gates run inside the run).
 */
public final class QualityParticipant implements RunParticipant {
  @Override
  public String name() {
    return QualityAgent.NAME;
  }

  @Override
  public Contribution onRun(RunState run, AgentInvoker tools) {
    if (run.spec() == null || run.spec().quality().isEmpty()) {
      return Contribution.of(
          new Conclusion(
              name(),
              Conclusion.Status.SKIPPED,
              "the pipeline has no quality section",
              Map.of(),
              0));
    }
    return Contribution.of(
        new Conclusion(
            name(),
            Conclusion.Status.NOT_AVAILABLE,
            "not available: " + QualityAgent.MODULE + " not installed",
            Map.of(),
            0));
  }
}
