package io.strandsetl.agents.cost;

import io.strandsetl.agents.cost.CostAgent.CostOfRunInput;
import io.strandsetl.agents.cost.CostAgent.RunCost;
import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.runtime.Sizes;
import io.strandsetl.agents.supervisor.Contribution;
import io.strandsetl.agents.supervisor.RunParticipant;
import io.strandsetl.agents.supervisor.RunState;
import io.strandsetl.cost.model.PlatformEstimate;
import io.strandsetl.notify.message.PlatformCost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cost Tracking agent's policy for a run: price it on its platform and every other (the
 * execution's cost breakdown is the own platform's), then the savings advice.
 */
public final class CostParticipant implements RunParticipant {
  @Override
  public String name() {
    return CostAgent.NAME;
  }

  @Override
  public Contribution onRun(RunState run, AgentInvoker tools) {
    if (run.eventLog() == null || run.report() == null) {
      return Contribution.of(
          new Conclusion(name(), Conclusion.Status.SKIPPED, "no analysed event log", Map.of(), 0));
    }
    RunCost cost =
        tools.call(
            name(),
            "calculate_cost",
            new CostOfRunInput(run.eventLog().toString(), null),
            RunCost.class);
    var c = cost.comparison();
    List<PlatformCost> perPlatform = new ArrayList<>();
    List<String> feasible = new ArrayList<>();
    for (PlatformEstimate e : c.options()) {
      perPlatform.add(new PlatformCost(e.option(), e.feasible() ? e.totalUsd() : 0, e.feasible()));
      if (e.feasible()) {
        feasible.add(e.option() + " " + Sizes.usd(e.totalUsd()));
      }
    }
    String cheapest =
        c.cheapest()
            .map(e -> e.option() + " at " + Sizes.usd(e.totalUsd()))
            .orElse("none feasible");
    String summary =
        "this run "
            + Sizes.usd(c.breakdown().totalUsd())
            + " on "
            + c.platform().key()
            + "; on AWS the cheapest is "
            + cheapest
            + (cost.advice().isEmpty()
                ? ""
                : "; top saving: "
                    + cost.advice().get(0).title()
                    + " ("
                    + Sizes.usd(cost.advice().get(0).estimatedSavingsUsd())
                    + ")");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("breakdown", c.breakdown());
    details.put("own", c.own());
    details.put("options", c.options());
    details.put("advice", cost.advice());
    details.put("notes", c.notes());
    details.put("platformCosts", perPlatform);
    var b = c.breakdown();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            java.util.Locale.ROOT,
            "breakdown: compute %s, storage %s, network %s, AI %s; %s per GB, %.3f DPU-hours",
            Sizes.usd(b.computeUsd()),
            Sizes.usd(b.storageUsd()),
            Sizes.usd(b.networkUsd()),
            Sizes.usd(b.aiUsd()),
            Sizes.usd(b.costPerGbUsd()),
            b.dpuHours()));
    for (PlatformEstimate e : c.options()) {
      lines.add(
          String.format(
              java.util.Locale.ROOT,
              "%-34s %s",
              e.option(),
              e.feasible()
                  ? Sizes.usd(e.totalUsd())
                      + String.format(
                          java.util.Locale.ROOT, "  (about %.0f s)", e.estimatedSeconds())
                  : "N/A: " + e.reason()));
    }
    details.put(Conclusion.LINES, lines);
    return new Contribution(
        Conclusion.done(name(), summary, details),
        c.breakdown(),
        null,
        null,
        List.of(),
        List.of(),
        Map.of());
  }
}
