package io.strandsetl.model.run;

import java.util.List;

/**
 * Everything read from one Spark application's event log: the input of every detector, of the cost
 * models and of the reports. Lists are sorted by id.
 */
public record RunAnalysis(
    ApplicationInfo application,
    RunMetrics metrics,
    List<JobSummary> jobs,
    List<StageMetrics> stages,
    List<SqlExecution> sql,
    List<ExecutorSummary> executors,
    LogDiagnostics diagnostics) {

  public RunAnalysis {
    jobs = jobs == null ? List.of() : List.copyOf(jobs);
    stages = stages == null ? List.of() : List.copyOf(stages);
    sql = sql == null ? List.of() : List.copyOf(sql);
    executors = executors == null ? List.of() : List.copyOf(executors);
  }
}
