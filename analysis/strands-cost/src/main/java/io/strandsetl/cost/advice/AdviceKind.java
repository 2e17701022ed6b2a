package io.strandsetl.cost.advice;

/** What a cost recommendation changes. */
public enum AdviceKind {
  RIGHT_SIZE,
  GLUE_FLEX,
  EMR_SPOT,
  PLATFORM_SWITCH,
  FIX_ISSUE
}
