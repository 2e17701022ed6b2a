package io.strandsetl.cost.budget;

/** Budget state: OK below the warning share, WARNING from it (80%), CRITICAL from 100%. */
public enum BudgetLevel {
  OK,
  WARNING,
  CRITICAL
}
