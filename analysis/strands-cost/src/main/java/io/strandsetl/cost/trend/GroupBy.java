package io.strandsetl.cost.trend;

/** How cost points are grouped in trends, anomalies and budgets. */
public enum GroupBy {
  TOTAL,
  JOB,
  TEAM,
  PLATFORM
}
