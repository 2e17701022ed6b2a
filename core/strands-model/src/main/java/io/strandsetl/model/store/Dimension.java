package io.strandsetl.model.store;

/**
 * What a breakdown groups executions by. The group key is a string: the ISO date for {@link #DAY},
 * the enum name for {@link #JOB_TYPE} and {@link #STATUS}, the name otherwise ({@link
 * RunFilter#NO_TEAM} for executions without a team).
 */
public enum Dimension {
  DAY,
  JOB,
  JOB_TYPE,
  TEAM,
  PLATFORM,
  STATUS;

  /** The group key of an execution. */
  public String keyOf(ExecutionRecord execution) {
    return switch (this) {
      case DAY -> RunFilter.dayOf(execution).toString();
      case JOB -> execution.jobName();
      case JOB_TYPE -> execution.jobType().name();
      case TEAM -> RunFilter.teamOf(execution);
      case PLATFORM -> execution.platform();
      case STATUS -> execution.status().name();
    };
  }
}
