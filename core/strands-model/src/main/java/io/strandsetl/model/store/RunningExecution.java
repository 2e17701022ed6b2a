package io.strandsetl.model.store;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A marker that an execution has started and is not yet recorded: written when a supervised run
 * starts ({@link TrackingStore#markRunning}), removed in the transaction that records the run.
 *
 * @param executionId the id the run will be recorded under
 * @param startedAt when the run started, UTC
 * @param host the host name of the process that runs it
 * @param pid that process's id
 */
public record RunningExecution(
    String executionId,
    String jobName,
    String team,
    String platform,
    Instant startedAt,
    String host,
    long pid) {
  /**
   * A marker older than this is shown as abandoned whatever its process: a pipeline run that takes
   * longer is unusual, and a marker left by a process that died on another host can only be
   * recognised by its age.
   */
  public static final Duration MAX_AGE = Duration.ofHours(24);

  /** What a marker means now. */
  public enum State {
    /** The run's process is alive (or on another host and the marker is younger than MAX_AGE). */
    RUNNING,
    /** The process is gone (same host, pid not alive) or the marker is older than MAX_AGE. */
    ABANDONED
  }

  public RunningExecution {
    Checks.text(executionId, "running executionId");
    Checks.text(jobName, "running jobName");
    team = team == null ? RunFilter.NO_TEAM : team;
    platform = platform == null || platform.isBlank() ? "unknown" : platform;
    startedAt = Checks.micros(Objects.requireNonNull(startedAt, "startedAt"));
    Checks.text(host, "running host");
    Checks.nonNegative(pid, "running pid");
  }

  /** A marker for a run of this process, on this host. */
  public static RunningExecution ofThisProcess(
      String executionId, String jobName, String team, String platform, Instant startedAt) {
    return new RunningExecution(
        executionId,
        jobName,
        team,
        platform,
        startedAt,
        localHost(),
        ProcessHandle.current().pid());
  }

  /**
   * The marker's state at {@code now}, seen from a process on {@code localHost}: a process on
   * another host cannot be checked, so only the age decides there.
   */
  public State stateAt(Instant now, String localHost) {
    if (Duration.between(startedAt, now).compareTo(MAX_AGE) > 0) {
      return State.ABANDONED;
    }
    if (host.equals(localHost)) {
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? State.RUNNING : State.ABANDONED;
    }
    return State.RUNNING;
  }

  /**
   * This machine's host name; {@code localhost} when it cannot be resolved. Looked up once per JVM
   * (a lookup can take seconds on a misconfigured host).
   */
  public static String localHost() {
    return LocalHost.NAME;
  }

  private static final class LocalHost {
    static final String NAME = lookUp();

    private static String lookUp() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException | SecurityException e) {
        return "localhost";
      }
    }
  }
}
