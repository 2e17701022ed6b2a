package io.strandsetl.agents.supervisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.strandsetl.agents.decision.DecisionAgent.PlatformRecommendation;
import io.strandsetl.agents.decision.PlatformScore;
import io.strandsetl.agents.learning.LearningAgent.PredictionCheck;
import io.strandsetl.agents.learning.LearningAgent.RecordRunOutput;
import io.strandsetl.agents.learning.Regression;
import io.strandsetl.agents.learning.SimilarRun;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.runtime.Json;
import io.strandsetl.agents.runtime.Sizes;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.List;
import java.util.Locale;

/**
 * What the Supervisor did for one run and what each agent concluded; written as {@code agents.json}
 * next to {@code report.json} and shown by {@code strands run}.
 *
 * @param status the run's status (SUCCEEDED, FAILED) or ANALYSED for an imported event log
 * @param decision the Decision agent's recommendation; null for an imported event log
 * @param autotuneApplied Spark properties applied from the previous run's advice, {@code key=value
 *     (was …)}
 * @param conclusions one per agent, in flow order
 * @param learning the Learning agent's view of this run, null when it failed
 * @param stored one line: where the run was recorded, or why it was not
 * @param notification one line: what the notifier did
 * @param narrative a language model's summary; null without a configured model
 * @param toolCalls tool invocations recorded for the run
 * @param failedToolCalls of those, failed
 * @param tokensIn language-model input tokens
 * @param tokensOut language-model output tokens
 * @param tokenCostUsd their cost, USD
 */
public record SupervisorReport(
    String schemaVersion,
    String executionId,
    String jobName,
    String status,
    String runDir,
    PlatformRecommendation decision,
    List<String> autotuneApplied,
    List<Conclusion> conclusions,
    RecordRunOutput learning,
    String stored,
    String notification,
    String narrative,
    int toolCalls,
    int failedToolCalls,
    long tokensIn,
    long tokensOut,
    double tokenCostUsd) {
  public static final String SCHEMA_VERSION = "1.0";

  public SupervisorReport {
    autotuneApplied = List.copyOf(autotuneApplied);
    conclusions = List.copyOf(conclusions);
  }

  /** The conclusion of {@code agent}, if it took part. */
  public java.util.Optional<Conclusion> conclusion(String agent) {
    return conclusions.stream().filter(c -> c.agent().equals(agent)).findFirst();
  }

  public String json() {
    try {
      return Json.mapper().writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot render the agents' report as JSON: " + e.getMessage());
    }
  }

  /** The report for a terminal. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("\nAgents — ")
        .append(jobName)
        .append(", execution ")
        .append(executionId)
        .append(" (")
        .append(status)
        .append(")\n");
    if (decision != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-13s %s — %s, confidence %.2f (%s)%n",
              "decision",
              decision.platform(),
              decision.sizing().description(),
              decision.confidence(),
              decision.confidenceBasis()));
      b.append("                ").append(decision.reasoning()).append('\n');
      b.append(
          String.format(
              Locale.ROOT,
              "                %-15s %-9s %-10s %-11s %s%n",
              "platform",
              "score",
              "est. time",
              "est. cost",
              "size / why not"));
      for (PlatformScore s : decision.scores()) {
        b.append(
            String.format(
                Locale.ROOT,
                "                %-15s %-9s %-10s %-11s %s%n",
                s.platform(),
                s.feasible() ? String.format(Locale.ROOT, "%.3f", s.score()) : "N/A",
                s.feasible() ? Sizes.millis((long) (s.estimatedSeconds() * 1000)) : "-",
                !s.feasible()
                    ? "N/A"
                    : s.estimatedCostUsd() == null ? "not priced" : Sizes.usd(s.estimatedCostUsd()),
                s.feasible()
                    ? s.sizing().description()
                        + (s.meetsConstraints() ? "" : " (misses constraints)")
                    : String.join("; ", s.reasons())));
      }
    }
    if (!autotuneApplied.isEmpty()) {
      b.append(
          String.format(
              Locale.ROOT, "  %-13s applied %s%n", "autotune", String.join(", ", autotuneApplied)));
    }
    for (Conclusion c : conclusions) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-13s %-13s %s (%s)%n",
              c.agent(),
              c.status(),
              c.summary(),
              Sizes.millis(c.durationMs())));
      if (c.details().get(Conclusion.LINES) instanceof List<?> lines) {
        for (Object line : lines) {
          b.append("                ").append(String.valueOf(line).stripLeading()).append('\n');
        }
      }
    }
    if (learning != null) {
      for (PredictionCheck p : learning.predictedBefore()) {
        if (p.prediction().value() != null && !"core-time".equals(p.prediction().target())) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "                predicted %s %s, actual %s%s (from %d past run(s)%s)%n",
                  p.prediction().target(),
                  amount(p.prediction().value(), p.prediction().unit()),
                  amount(p.actual(), p.prediction().unit()),
                  p.errorPercent() == null
                      ? ""
                      : String.format(Locale.ROOT, ", error %.0f%%", p.errorPercent()),
                  p.prediction().historyRuns(),
                  p.prediction().looErrorPercent() == null
                      ? ""
                      : String.format(
                          Locale.ROOT,
                          "; leave-one-out error %.0f%%",
                          p.prediction().looErrorPercent())));
        }
      }
      for (Regression r : learning.regressions()) {
        b.append("                ").append(r.verdict()).append('\n');
      }
      if (learning.effect() != null) {
        var e = learning.effect();
        b.append(
            String.format(
                Locale.ROOT,
                "                effect of %s: duration %s -> %s (%+.1f%%)%s%n",
                String.join(", ", e.applied()),
                Sizes.millis(e.beforeDurationMs()),
                Sizes.millis(e.afterDurationMs()),
                e.durationChangePercent(),
                e.costChangePercent() == null
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        ", cost %s -> %s (%+.1f%%)",
                        Sizes.usd(e.beforeCostUsd()),
                        Sizes.usd(e.afterCostUsd()),
                        e.costChangePercent())));
      }
      if (learning.effect() == null && learning.previous() != null) {
        var e = learning.previous();
        b.append(
            String.format(
                Locale.ROOT,
                "                vs previous run %s: duration %s -> %s (%+.1f%%)%s, input %s -> %s%n",
                e.beforeExecutionId(),
                Sizes.millis(e.beforeDurationMs()),
                Sizes.millis(e.afterDurationMs()),
                e.durationChangePercent(),
                e.costChangePercent() == null
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        ", cost %s -> %s (%+.1f%%)",
                        Sizes.usd(e.beforeCostUsd()),
                        Sizes.usd(e.afterCostUsd()),
                        e.costChangePercent()),
                Sizes.bytes(e.beforeInputBytes()),
                Sizes.bytes(e.afterInputBytes())));
      }
      if (!learning.similar().isEmpty()) {
        SimilarRun s = learning.similar().get(0);
        b.append(
            String.format(
                Locale.ROOT,
                "                most similar past run: %s of %s (distance %.2f, %s, %s)%n",
                s.executionId(),
                s.jobName(),
                s.distance(),
                Sizes.millis(s.durationMs()),
                Sizes.usd(s.costUsd())));
      }
    }
    b.append(String.format(Locale.ROOT, "  %-13s %s%n", "store", stored));
    b.append(String.format(Locale.ROOT, "  %-13s %s%n", "notification", notification));
    if (narrative != null) {
      b.append("  narrative     ")
          .append(narrative.replace("\n", "\n                "))
          .append('\n');
    }
    b.append(
        String.format(
            Locale.ROOT,
            "  %d tool call(s), %d failed; %d tokens in, %d out (%s)%n",
            toolCalls,
            failedToolCalls,
            tokensIn,
            tokensOut,
            Sizes.usd(tokenCostUsd)));
    return b.toString();
  }

  private static String amount(double v, String unit) {
    return switch (unit) {
      case "ms" -> Sizes.millis((long) v);
      case "USD" -> Sizes.usd(v);
      case "bytes" -> Sizes.bytes((long) v);
      default -> String.format(Locale.ROOT, "%.4g %s", v, unit);
    };
  }
}
