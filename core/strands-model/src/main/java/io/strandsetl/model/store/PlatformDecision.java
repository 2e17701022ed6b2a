package io.strandsetl.model.store;

import java.util.List;

/**
 * The Decision agent's choice for a run.
 *
 * @param platform chosen platform id (e.g. {@code local}, {@code emr-serverless})
 * @param confidence fraction in [0, 1]
 * @param reasoning one or more sentences, why
 * @param alternatives other platforms considered, best first
 */
public record PlatformDecision(
    String platform, double confidence, String reasoning, List<String> alternatives) {
  public PlatformDecision {
    Checks.text(platform, "decision platform");
    Checks.fraction(confidence, "decision confidence");
    reasoning = reasoning == null ? "" : reasoning;
    alternatives = Checks.list(alternatives, "decision alternatives");
  }
}
