package io.strandsetl.agents.runtime;

import java.time.Instant;

/** Lifecycle events of one supervised run, published on the {@link EventBus} in this order. */
public sealed interface RunEvent {
  String executionId();

  Instant at();

  /** The Supervisor accepted a pipeline; the id is provisional until the runner names the run. */
  record RunStarted(String executionId, Instant at, String job) implements RunEvent {}

  /** The Decision agent chose a platform. */
  record PlatformDecided(
      String executionId, Instant at, String platform, double confidence, String reasoning)
      implements RunEvent {}

  /** A gate (quality, compliance) let the output through or held it back. */
  record GateDecided(String executionId, Instant at, String gate, boolean passed, String reason)
      implements RunEvent {}

  /** The runner finished (status SUCCEEDED or FAILED). */
  record RunFinished(String executionId, Instant at, String status, String error)
      implements RunEvent {}

  /** The run's event log was analysed; agents that need metrics may start. */
  record AnalysisReady(String executionId, Instant at, int findings) implements RunEvent {}

  /** One agent finished its part of the run. */
  record AgentConcluded(String executionId, Instant at, String agent, String status, String summary)
      implements RunEvent {}

  /** The run was written to the tracking store. */
  record RunRecorded(String executionId, Instant at, int invocations) implements RunEvent {}
}
