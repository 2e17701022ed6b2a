package io.strandsetl.agents.supervisor;

import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.spark.run.RunHook;
import java.util.List;

/**
 * An agent's policy for a supervised run: which of its tools to call after the run, and the hooks
 * it adds to the run itself. Called on the Supervisor's pool under the agent's timeout; a
 * participant that throws costs only its own conclusion (recorded as FAILED).
 */
public interface RunParticipant {
  /** The agent's name; also the key of its timeout ({@code agents.<name>.timeout}). */
  String name();

  /** Hooks to run inside the pipeline run (gates, masking); none by default. */
  default List<RunHook> hooks(PipelineSpec spec) {
    return List.of();
  }

  /** Looks at the finished run through the agent's tools. */
  Contribution onRun(RunState run, AgentInvoker tools);
}
