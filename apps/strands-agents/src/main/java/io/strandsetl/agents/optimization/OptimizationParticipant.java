package io.strandsetl.agents.optimization;

import io.strandsetl.agents.optimization.OptimizationAgent.EventLogInput;
import io.strandsetl.agents.optimization.OptimizationAgent.IssuesOutput;
import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.supervisor.Contribution;
import io.strandsetl.agents.supervisor.RunParticipant;
import io.strandsetl.agents.supervisor.RunState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Optimization agent's policy for a run: detect issues, then advise configuration; the advice
 * is stored as tags for {@code --autotune}.
 */
public final class OptimizationParticipant implements RunParticipant {
  private final OptimizationAgent agent;

  public OptimizationParticipant(OptimizationAgent agent) {
    this.agent = agent;
  }

  @Override
  public String name() {
    return OptimizationAgent.NAME;
  }

  @Override
  public Contribution onRun(RunState run, AgentInvoker tools) {
    if (run.eventLog() == null || run.report() == null) {
      return Contribution.of(
          new Conclusion(name(), Conclusion.Status.SKIPPED, "no analysed event log", Map.of(), 0));
    }
    String log = run.eventLog().toString();
    agent.remember(log, run.report());
    IssuesOutput issues =
        tools.call(name(), "detect_issues", new EventLogInput(log), IssuesOutput.class);
    ConfigAdvice advice =
        tools.call(name(), "recommend_config", new EventLogInput(log), ConfigAdvice.class);
    Map<String, Long> bySeverity =
        issues.issues().stream()
            .collect(
                Collectors.groupingBy(
                    i -> i.severity().toLowerCase(java.util.Locale.ROOT),
                    TreeMap::new,
                    Collectors.counting()));
    String advised =
        advice.changes().isEmpty()
            ? "no configuration change advised"
            : "advice: "
                + advice.changes().stream()
                    .map(
                        c ->
                            c.key()
                                + " "
                                + (c.current() == null ? "default" : c.current())
                                + " -> "
                                + c.recommended())
                    .collect(Collectors.joining(", "));
    String summary =
        issues.issues().size()
            + " issue(s)"
            + (bySeverity.isEmpty() ? "" : " " + bySeverity)
            + "; "
            + advised;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("issues", issues.issues());
    details.put("advice", advice);
    return Contribution.of(Conclusion.done(name(), summary, details))
        .withTags(OptimizationAgent.adviceTags(advice));
  }
}
