package io.strandsetl.notify.message;

/**
 * An alert that is not tied to the end of one run's report: one template each. Subject {@code
 * [Strands ETL] Alert: …}.
 */
public sealed interface Alert
    permits BudgetAlert, CostAnomalyAlert, QualityDropAlert, ComplianceViolationAlert {
  /**
   * Identifies this alert for de-duplication: the same key is sent once (e.g. the 80 % budget alert
   * once per scope and period).
   */
  String key();
}
