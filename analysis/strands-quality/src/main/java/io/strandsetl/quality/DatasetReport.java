package io.strandsetl.quality;

import io.strandsetl.model.store.QualityTrend;
import java.util.List;

/**
 * Quality of one dataset in one run. Holds counts, column names, types and numeric/date ranges;
 * never raw cell values.
 *
 * @param role {@code source} (checked before the run) or {@code output} (checked before publishing)
 * @param duplicateRows rows that repeat an earlier row exactly (all columns), or null when not
 *     measured
 * @param duplicatePercent duplicate rows as percent of rows, or null
 * @param nullPercent null cells plus missing tokens as percent of all cells, in [0, 100]
 * @param schemaViolations declared columns that are absent or of another type, one line each
 * @param businessRuleViolations violations summed over the declared rules (rows or cells)
 * @param criticalFailures names of failed rules with severity critical
 */
public record DatasetReport(
    String dataset,
    String role,
    long rows,
    List<ColumnProfile> columns,
    Long duplicateRows,
    Double duplicatePercent,
    double nullPercent,
    List<String> schemaViolations,
    List<RuleResult> rules,
    DimensionScores scores,
    int checksPassed,
    int checksFailed,
    long businessRuleViolations,
    QualityTrend trend,
    List<String> anomalies,
    List<String> criticalFailures) {
  public DatasetReport {
    columns = List.copyOf(columns);
    schemaViolations = List.copyOf(schemaViolations);
    rules = List.copyOf(rules);
    anomalies = List.copyOf(anomalies);
    criticalFailures = List.copyOf(criticalFailures);
  }

  /** Null cells plus missing tokens over every column. */
  public long missingCells() {
    return columns.stream().mapToLong(ColumnProfile::missing).sum();
  }
}
