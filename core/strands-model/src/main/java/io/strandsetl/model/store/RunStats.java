package io.strandsetl.model.store;

import java.util.Objects;

/**
 * Totals over a group of executions (a time bucket, a job, a platform, ...), read from the daily
 * rollups. Averages are derived so that groups can be summed exactly.
 *
 * @param key the group: ISO date of the bucket's first day for time series, else the {@link
 *     Dimension} key
 * @param runs executions; cancelled ones count here only
 * @param successes {@code SUCCEEDED} executions
 * @param failures {@code FAILED} executions
 * @param costUsd summed total cost, USD (unpriced executions count 0)
 * @param durationMs summed wall-clock duration, milliseconds
 * @param dataProcessedBytes summed bytes processed
 * @param qualityRuns executions with a quality summary
 * @param qualitySums sums of the quality scores of those executions (each dimension summed over,
 *     and counted by, the executions that measured it; see {@link #averageQuality()})
 * @param complianceRuns executions with a compliance summary
 * @param gdprCompliantRuns of those, GDPR compliant
 * @param hipaaCompliantRuns of those, HIPAA compliant
 * @param piiColumnsDetected summed PII columns detected (a count of columns, never values)
 * @param piiColumnsMasked summed PII columns masked
 */
public record RunStats(
    String key,
    long runs,
    long successes,
    long failures,
    double costUsd,
    long durationMs,
    long dataProcessedBytes,
    long qualityRuns,
    QualitySums qualitySums,
    long complianceRuns,
    long gdprCompliantRuns,
    long hipaaCompliantRuns,
    long piiColumnsDetected,
    long piiColumnsMasked) {
  public RunStats {
    Objects.requireNonNull(key, "key");
    Checks.nonNegative(runs, "stats runs");
    Checks.nonNegative(successes, "stats successes");
    Checks.nonNegative(failures, "stats failures");
    if (successes + failures > runs) {
      throw Checks.invalid("stats runs", runs, "fewer than successes + failures");
    }
    Checks.nonNegative(costUsd, "stats costUsd");
    Checks.nonNegative(durationMs, "stats durationMs");
    Checks.nonNegative(dataProcessedBytes, "stats dataProcessedBytes");
    Checks.nonNegative(qualityRuns, "stats qualityRuns");
    Objects.requireNonNull(qualitySums, "qualitySums");
    Checks.nonNegative(complianceRuns, "stats complianceRuns");
    Checks.nonNegative(gdprCompliantRuns, "stats gdprCompliantRuns");
    Checks.nonNegative(hipaaCompliantRuns, "stats hipaaCompliantRuns");
    Checks.nonNegative(piiColumnsDetected, "stats piiColumnsDetected");
    Checks.nonNegative(piiColumnsMasked, "stats piiColumnsMasked");
  }

  /**
   * Summed quality scores, each dimension a sum of fractions in [0, 1] over the executions that
   * measured it ({@code <dimension>Runs}); a not-measured dimension adds nothing to its sum or its
   * count. The overall score is summed over every execution with quality ({@code qualityRuns}).
   */
  public record QualitySums(
      double completeness,
      double accuracy,
      double consistency,
      double timeliness,
      double validity,
      double overall,
      long completenessRuns,
      long accuracyRuns,
      long consistencyRuns,
      long timelinessRuns,
      long validityRuns) {
    public static final QualitySums ZERO = new QualitySums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public QualitySums {
      Checks.nonNegative(completenessRuns, "stats completenessRuns");
      Checks.nonNegative(accuracyRuns, "stats accuracyRuns");
      Checks.nonNegative(consistencyRuns, "stats consistencyRuns");
      Checks.nonNegative(timelinessRuns, "stats timelinessRuns");
      Checks.nonNegative(validityRuns, "stats validityRuns");
    }

    /** These sums with one execution's scores added (not-measured dimensions are skipped). */
    public QualitySums plus(QualityScores scores) {
      return new QualitySums(
          completeness + orZero(scores.completeness()),
          accuracy + orZero(scores.accuracy()),
          consistency + orZero(scores.consistency()),
          timeliness + orZero(scores.timeliness()),
          validity + orZero(scores.validity()),
          overall + scores.overall(),
          completenessRuns + counted(scores.completeness()),
          accuracyRuns + counted(scores.accuracy()),
          consistencyRuns + counted(scores.consistency()),
          timelinessRuns + counted(scores.timeliness()),
          validityRuns + counted(scores.validity()));
    }

    public QualitySums plus(QualitySums other) {
      return new QualitySums(
          completeness + other.completeness,
          accuracy + other.accuracy,
          consistency + other.consistency,
          timeliness + other.timeliness,
          validity + other.validity,
          overall + other.overall,
          completenessRuns + other.completenessRuns,
          accuracyRuns + other.accuracyRuns,
          consistencyRuns + other.consistencyRuns,
          timelinessRuns + other.timelinessRuns,
          validityRuns + other.validityRuns);
    }

    private static double orZero(Double value) {
      return value == null ? 0 : value;
    }

    private static long counted(Double value) {
      return value == null ? 0 : 1;
    }
  }

  /** Executions that were neither successful nor failed (cancelled). */
  public long cancelled() {
    return runs - successes - failures;
  }

  /** successes / runs, fraction in [0, 1]; 0 without runs. */
  public double successRate() {
    return runs == 0 ? 0 : (double) successes / runs;
  }

  /** Average cost per run, USD; 0 without runs. */
  public double averageCostUsd() {
    return runs == 0 ? 0 : costUsd / runs;
  }

  /** Average duration per run, milliseconds; 0 without runs. */
  public double averageDurationMs() {
    return runs == 0 ? 0 : (double) durationMs / runs;
  }

  /**
   * Average quality scores over the executions that have them; null when none has. Each dimension
   * is averaged over the executions that measured it, and is null (not measured) when none did.
   * Clamped to [0, 1] against floating-point rounding of the sums.
   */
  public QualityScores averageQuality() {
    if (qualityRuns == 0) {
      return null;
    }
    return new QualityScores(
        mean(qualitySums.completeness(), qualitySums.completenessRuns()),
        mean(qualitySums.accuracy(), qualitySums.accuracyRuns()),
        mean(qualitySums.consistency(), qualitySums.consistencyRuns()),
        mean(qualitySums.timeliness(), qualitySums.timelinessRuns()),
        mean(qualitySums.validity(), qualitySums.validityRuns()),
        mean(qualitySums.overall(), qualityRuns));
  }

  private static Double mean(double sum, long count) {
    return count == 0 ? null : Math.max(0, Math.min(1, sum / count));
  }

  /** An empty group. */
  public static RunStats empty(String key) {
    return new RunStats(key, 0, 0, 0, 0, 0, 0, 0, QualitySums.ZERO, 0, 0, 0, 0, 0);
  }

  /** This group (and its key) with another group's totals added, e.g. days into a week. */
  public RunStats plus(RunStats other) {
    return new RunStats(
        key,
        runs + other.runs,
        successes + other.successes,
        failures + other.failures,
        costUsd + other.costUsd,
        durationMs + other.durationMs,
        dataProcessedBytes + other.dataProcessedBytes,
        qualityRuns + other.qualityRuns,
        qualitySums.plus(other.qualitySums),
        complianceRuns + other.complianceRuns,
        gdprCompliantRuns + other.gdprCompliantRuns,
        hipaaCompliantRuns + other.hipaaCompliantRuns,
        piiColumnsDetected + other.piiColumnsDetected,
        piiColumnsMasked + other.piiColumnsMasked);
  }

  /** This group with one execution added (the reference rule that the SQL backends follow). */
  public RunStats plus(ExecutionRecord execution) {
    ComplianceSummary compliance = execution.compliance();
    QualitySummary quality = execution.quality();
    return new RunStats(
        key,
        runs + 1,
        successes + (execution.status() == ExecutionStatus.SUCCEEDED ? 1 : 0),
        failures + (execution.status() == ExecutionStatus.FAILED ? 1 : 0),
        costUsd + execution.totalCostUsd(),
        durationMs + execution.duration().toMillis(),
        dataProcessedBytes + execution.dataProcessedBytes(),
        qualityRuns + (quality == null ? 0 : 1),
        quality == null ? qualitySums : qualitySums.plus(quality.scores()),
        complianceRuns + (compliance == null ? 0 : 1),
        gdprCompliantRuns + (compliance != null && compliance.gdprCompliant() ? 1 : 0),
        hipaaCompliantRuns + (compliance != null && compliance.hipaaCompliant() ? 1 : 0),
        piiColumnsDetected + (compliance == null ? 0 : compliance.piiColumnsDetected()),
        piiColumnsMasked + (compliance == null ? 0 : compliance.piiColumnsMasked()));
  }
}
