package io.strandsetl.agents.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one agent concluded about a run: its status, one line for people and the tool results behind
 * it (JSON-able values, in insertion order).
 *
 * @param durationMs wall time of the agent's part of the run, milliseconds
 */
public record Conclusion(
    String agent, Status status, String summary, Map<String, Object> details, long durationMs) {
  /**
   * Detail key of a {@code List<String>} a person should read under the summary (e.g. PII by
   * column, failed rules); the report prints it indented.
   */
  public static final String LINES = "lines";

  /** How an agent's part of the run ended. */
  public enum Status {
    DONE,
    /** Its policy decided nothing applied (e.g. no quality rules). */
    SKIPPED,
    /** A module it needs is not on the class path. */
    NOT_AVAILABLE,
    FAILED,
    TIMED_OUT
  }

  public Conclusion {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(status, "status");
    summary = summary == null ? "" : summary;
    details =
        details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static Conclusion done(String agent, String summary, Map<String, Object> details) {
    return new Conclusion(agent, Status.DONE, summary, details, 0);
  }

  public Conclusion withDuration(long ms) {
    return new Conclusion(agent, status, summary, details, ms);
  }

  public boolean ok() {
    return status == Status.DONE || status == Status.SKIPPED;
  }
}
