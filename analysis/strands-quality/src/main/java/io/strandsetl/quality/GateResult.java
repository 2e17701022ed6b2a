package io.strandsetl.quality;

/**
 * The verdict of one quality gate.
 *
 * @param stage {@code pre_run} (sources) or {@code post_run} (outputs)
 * @param minScore the least overall score required, or null when only critical rules gate
 * @param reason why it halted (one line), or null when it passed
 */
public record GateResult(String stage, boolean passed, Double minScore, String reason) {

  /** Judges {@code reports}: every overall score at least {@code minScore}, no critical failure. */
  public static GateResult judge(
      String stage, Double minScore, java.util.List<DatasetReport> reports) {
    java.util.List<String> reasons = new java.util.ArrayList<>();
    for (DatasetReport r : reports) {
      Double overall = r.scores().overall();
      if (minScore != null && overall != null && overall < minScore) {
        reasons.add(
            String.format(
                java.util.Locale.ROOT,
                "%s overall %.3f < min_score %s",
                r.dataset(),
                overall,
                QualitySpec.plain(minScore)));
      }
      for (String rule : r.criticalFailures()) {
        reasons.add(r.dataset() + " critical rule failed: " + rule);
      }
    }
    return reasons.isEmpty()
        ? new GateResult(stage, true, minScore, null)
        : new GateResult(
            stage, false, minScore, "quality " + stage + ": " + String.join("; ", reasons));
  }
}
