package io.strandsetl.engine.report;

import static io.strandsetl.engine.report.Units.bytes;
import static io.strandsetl.engine.report.Units.count;
import static io.strandsetl.engine.report.Units.millis;
import static io.strandsetl.engine.report.Units.percent;

import io.strandsetl.model.finding.Evidence;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.run.ApplicationInfo;
import io.strandsetl.model.run.LogDiagnostics;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.SparkConfigSummary;
import io.strandsetl.model.run.StageMetrics;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A readable terminal report: summary, key metrics, slowest stages, findings by severity with
 * fixes.
 */
public final class TextReportRenderer implements ReportRenderer {
  private static final int TOP_STAGES = 5;

  @Override
  public String render(List<AnalysisReport> reports) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < reports.size(); i++) {
      if (i > 0) {
        out.append("\n").append("=".repeat(78)).append("\n\n");
      }
      renderOne(reports.get(i), out);
    }
    return out.toString();
  }

  private void renderOne(AnalysisReport report, StringBuilder out) {
    ApplicationInfo app = report.run().application();
    RunMetrics m = report.run().metrics();
    out.append("Strands ETL analysis of ").append(report.source()).append("\n\n");
    out.append("Application  ").append(nz(app.name())).append(" (").append(nz(app.appId()));
    if (app.attemptId() != null) {
      out.append(", attempt ").append(app.attemptId());
    }
    out.append(")\n");
    line(out, "Spark", nz(app.sparkVersion()) + " on " + nz(app.platform()));
    line(
        out,
        "Status",
        app.complete() ? "complete" : "INCOMPLETE (no application end: duration unknown)");
    line(out, "Duration", millis(app.durationMs()));
    line(out, "Jobs", count(m.jobs()) + " (" + m.failedJobs() + " failed)");
    line(
        out,
        "Stages",
        count(m.stages())
            + " ("
            + m.failedStages()
            + " failed, "
            + m.skippedStages()
            + " skipped)");
    line(
        out,
        "Tasks",
        count(m.tasks())
            + " ("
            + m.failedTasks()
            + " failed, "
            + m.killedTasks()
            + " killed, "
            + m.speculativeTasks()
            + " speculative)");
    line(
        out,
        "Executors",
        m.executorsAdded()
            + " added, "
            + m.executorsRemoved()
            + " removed, max "
            + m.maxConcurrentExecutors()
            + " at once");
    SparkConfigSummary c = app.config();
    if (c != null) {
      line(
          out,
          "Config",
          "executor "
              + bytes(c.executorMemoryBytes())
              + " × "
              + nz(c.executorCores())
              + " cores × "
              + nz(c.executorInstances())
              + ", dynamic allocation "
              + nz(c.dynamicAllocation())
              + ", shuffle partitions "
              + nz(c.shufflePartitions())
              + ", AQE "
              + nz(c.aqeEnabled())
              + ", broadcast threshold "
              + broadcastThreshold(c.broadcastThresholdBytes()));
    }

    out.append("\nKey metrics\n");
    line(out, "Data read", bytes(m.inputBytes()) + " (" + count(m.inputRecords()) + " records)");
    line(
        out,
        "Data written",
        bytes(m.outputBytes()) + " (" + count(m.outputRecords()) + " records)");
    line(
        out,
        "Shuffle",
        "read " + bytes(m.shuffleReadBytes()) + ", write " + bytes(m.shuffleWriteBytes()));
    line(
        out,
        "Processed",
        bytes(m.dataProcessedBytes())
            + ", "
            + count(m.recordsProcessed())
            + " records, "
            + Units.number(m.recordsPerSecond())
            + " records/s");
    line(
        out,
        "Spill",
        "memory " + bytes(m.memorySpillBytes()) + ", disk " + bytes(m.diskSpillBytes()));
    line(
        out,
        "Task time",
        millis(m.executorRunTimeMs())
            + " run, CPU "
            + (m.executorCpuTimeNs() == null ? "n/a" : millis(m.executorCpuTimeNs() / 1_000_000))
            + ", GC "
            + percent(m.gcTimePercent()));
    line(
        out,
        "Cores",
        "allocated "
            + coreSeconds(m.allocatedCoreMs())
            + ", busy "
            + coreSeconds(m.busyCoreMs())
            + ", idle "
            + percent(m.idleCorePercent())
            + ", CPU utilisation "
            + percent(m.cpuUtilizationPercent()));
    line(
        out,
        "Memory",
        "executor heap "
            + bytes(m.executorMemoryBytes())
            + ", peak max "
            + bytes(m.peakJvmHeapBytesMax())
            + ", peak avg "
            + bytes(m.peakJvmHeapBytesAvg())
            + ", utilisation "
            + percent(m.memoryUtilizationPercent()));

    List<StageMetrics> slowest =
        report.run().stages().stream()
            .filter(s -> s.durationMs() != null)
            .sorted(
                Comparator.comparingLong(StageMetrics::durationMs)
                    .reversed()
                    .thenComparingInt(StageMetrics::stageId))
            .limit(TOP_STAGES)
            .toList();
    if (!slowest.isEmpty()) {
      out.append("\nSlowest stages\n");
      out.append(
          String.format(
              Locale.ROOT,
              "  %-9s %6s %10s %10s %10s %10s %10s  %s%n",
              "stage",
              "tasks",
              "duration",
              "median",
              "max task",
              "input",
              "shuffle",
              "name"));
      for (StageMetrics s : slowest) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-9s %6d %10s %10s %10s %10s %10s  %s%n",
                s.stageId() + "." + s.attemptId(),
                s.numTasks(),
                millis(s.durationMs()),
                millis(Math.round(s.taskDurationMs().median())),
                millis(Math.round(s.taskDurationMs().max())),
                bytes(s.inputBytes()),
                bytes(s.shuffleReadBytes() + s.shuffleWriteBytes()),
                abbreviate(s.name(), 40)));
      }
    }
    if (!report.run().sql().isEmpty()) {
      out.append("\nSQL executions: ").append(report.run().sql().size()).append("\n");
    }

    renderFindings(report.findings(), out);
    renderDiagnostics(report.run().diagnostics(), out);
  }

  private void renderFindings(List<Finding> findings, StringBuilder out) {
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    findings.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
    out.append("\nFindings: ").append(findings.size());
    if (!findings.isEmpty()) {
      out.append(" (");
      StringBuilder parts = new StringBuilder();
      for (Severity s : Severity.values()) {
        if (bySeverity.containsKey(s)) {
          if (parts.length() > 0) {
            parts.append(", ");
          }
          parts.append(bySeverity.get(s)).append(' ').append(s.name().toLowerCase(Locale.ROOT));
        }
      }
      out.append(parts).append(")");
    }
    out.append("\n");
    for (Finding f : findings) {
      out.append("\n[")
          .append(f.severity())
          .append("] ")
          .append(f.type())
          .append(" — ")
          .append(f.title())
          .append("\n");
      out.append("    where:    ").append(f.location().key());
      if (f.location().tablePath() != null) {
        out.append(" (").append(f.location().tablePath()).append(")");
      }
      out.append("\n");
      for (Evidence e : f.evidence()) {
        out.append("    evidence: ")
            .append(e.name())
            .append(" = ")
            .append(Units.evidenceValue(e.value(), e.unit()))
            .append("\n");
      }
      String impact = Units.impact(f.impact());
      if (!impact.isEmpty()) {
        out.append("    impact:   ").append(impact).append("\n");
      }
      out.append("    fix:      ").append(f.recommendation().summary()).append("\n");
      if (f.recommendation().pyspark() != null) {
        f.recommendation()
            .pyspark()
            .lines()
            .forEach(l -> out.append("      ").append(l).append("\n"));
      }
      f.recommendation()
          .config()
          .forEach(
              (k, v) -> out.append("      --conf ").append(k).append('=').append(v).append("\n"));
    }
  }

  private void renderDiagnostics(LogDiagnostics d, StringBuilder out) {
    if (d == null) {
      return;
    }
    boolean any = d.malformedLines() > 0 || d.truncatedLastLine() || !d.warnings().isEmpty();
    if (!any) {
      return;
    }
    out.append("\nLog notes\n");
    if (d.malformedLines() > 0) {
      out.append("  ")
          .append(d.malformedLines())
          .append(" malformed line(s) skipped, first at line ")
          .append(d.firstMalformedLine())
          .append("\n");
    }
    if (d.truncatedLastLine()) {
      out.append("  the last line was cut off (log still being written?)\n");
    }
    d.warnings().forEach(w -> out.append("  ").append(w).append("\n"));
  }

  /** Spark's spark.sql.autoBroadcastJoinThreshold: unset means its default, negative means off. */
  private static String broadcastThreshold(Long bytes) {
    if (bytes == null) {
      return "default (10 MiB)";
    }
    return bytes < 0 ? "off" : bytes(bytes);
  }

  private static String coreSeconds(long coreMs) {
    return String.format(Locale.ROOT, "%,.0f core-s", coreMs / 1000.0);
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "  %-12s %s%n", label, value));
  }

  private static String nz(Object o) {
    return o == null ? "n/a" : o.toString();
  }

  private static String abbreviate(String s, int max) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
