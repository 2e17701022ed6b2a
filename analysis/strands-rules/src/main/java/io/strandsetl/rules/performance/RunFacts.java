package io.strandsetl.rules.performance;

import io.strandsetl.model.finding.Location;
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.StageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Run-wide totals the detectors scale their findings against. */
final class RunFacts {
  private RunFacts() {}

  /** Wall-clock duration of the application in seconds, 0 when unknown. */
  static double durationSeconds(RunAnalysis run) {
    if (run.application() != null && run.application().durationMs() != null) {
      return run.application().durationMs() / 1000.0;
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (StageMetrics s : run.stages()) {
      if (s.submissionTimeMs() != null) {
        first = Math.min(first, s.submissionTimeMs());
      }
      if (s.completionTimeMs() != null) {
        last = Math.max(last, s.completionTimeMs());
      }
    }
    return last > first ? (last - first) / 1000.0 : 0;
  }

  /** Sum of executor run time of all tasks, in seconds (what the run's compute was spent on). */
  static double executorRunSeconds(RunAnalysis run) {
    if (run.metrics() != null && run.metrics().executorRunTimeMs() > 0) {
      return run.metrics().executorRunTimeMs() / 1000.0;
    }
    long ms = 0;
    for (StageMetrics s : run.stages()) {
      ms += s.executorRunTimeMs();
    }
    return ms / 1000.0;
  }

  /**
   * Task slots of the run: the sum of executor cores (the driver counts only in local mode, where
   * it is the executor), at least 1.
   */
  static int totalCores(RunAnalysis run) {
    int cores = 0;
    int driverCores = 0;
    for (ExecutorSummary e : run.executors()) {
      if ("driver".equals(e.executorId())) {
        driverCores = e.cores();
      } else {
        cores += e.cores();
      }
    }
    if (cores == 0) {
      cores = driverCores;
    }
    if (cores == 0 && run.application() != null && run.application().config() != null) {
      var c = run.application().config();
      if (c.executorCores() != null && c.executorInstances() != null) {
        cores = c.executorCores() * c.executorInstances();
      }
    }
    return Math.max(1, cores);
  }

  /** The last attempt of every stage that ran tasks, by stage id (a retried stage counts once). */
  static List<StageMetrics> latestAttempts(RunAnalysis run) {
    Map<Integer, StageMetrics> latest = new TreeMap<>();
    for (StageMetrics s : run.stages()) {
      if ("SKIPPED".equals(s.status())) {
        continue;
      }
      latest.merge(s.stageId(), s, (a, b) -> b.attemptId() >= a.attemptId() ? b : a);
    }
    return new ArrayList<>(latest.values());
  }

  /** Where a stage is: its SQL execution, first job and id. */
  static Location stageLocation(StageMetrics s) {
    Integer job = s.jobIds().isEmpty() ? null : s.jobIds().get(0);
    return new Location(s.sqlExecutionId(), job, s.stageId(), null, null, null, null, null);
  }
}
