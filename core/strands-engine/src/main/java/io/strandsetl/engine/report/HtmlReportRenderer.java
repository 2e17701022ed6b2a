package io.strandsetl.engine.report;

import static io.strandsetl.engine.report.Units.bytes;
import static io.strandsetl.engine.report.Units.count;
import static io.strandsetl.engine.report.Units.millis;
import static io.strandsetl.engine.report.Units.percent;

import io.strandsetl.model.finding.Evidence;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.run.ApplicationInfo;
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.SqlExecution;
import io.strandsetl.model.run.StageMetrics;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML page (inline CSS, no scripts, no external resources). Every value from
 * the log is escaped: an application named {@code <script>} renders as text.
 */
public final class HtmlReportRenderer implements ReportRenderer {
  /** Above this many rows a table shows the first rows and says how many were left out. */
  private static final int MAX_ROWS = 500;

  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1f2933}
      header{background:#14324a;color:#fff;padding:18px 28px}header h1{margin:0;font-size:20px}
      header p{margin:4px 0 0;opacity:.85;font-size:13px}main{padding:20px 28px;max-width:1300px}
      section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:16px 20px;margin-bottom:18px}
      h2{font-size:16px;margin:0 0 12px}.cards{display:flex;flex-wrap:wrap;gap:12px}
      .card{background:#f0f4f8;border-radius:6px;padding:10px 14px;min-width:150px}
      .card b{display:block;font-size:18px}.card span{font-size:12px;color:#52606d}
      table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:5px 8px;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}
      th{background:#f0f4f8}td.n{text-align:right;font-variant-numeric:tabular-nums}
      .sev{display:inline-block;border-radius:4px;padding:1px 7px;font-size:12px;font-weight:600;color:#fff}
      .CRITICAL{background:#b42318}.HIGH{background:#dc6803}.MEDIUM{background:#b58a00}.LOW{background:#527d9c}
      .finding{border-left:4px solid #cbd2d9;padding:8px 12px;margin:10px 0}.finding h3{font-size:14px;margin:0 0 6px}
      pre{background:#1f2933;color:#e4e7eb;padding:10px;border-radius:6px;overflow-x:auto;font-size:12px}
      .muted{color:#7b8794;font-size:12px}
      """;

  @Override
  public String render(List<AnalysisReport> reports) {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    String title =
        reports.size() == 1
            ? "Strands ETL — " + nz(reports.get(0).run().application().name())
            : "Strands ETL — " + reports.size() + " applications";
    out.append("<title>")
        .append(esc(title))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    for (AnalysisReport report : reports) {
      renderOne(report, out);
    }
    out.append("</body></html>\n");
    return out.toString();
  }

  private void renderOne(AnalysisReport report, StringBuilder out) {
    ApplicationInfo app = report.run().application();
    RunMetrics m = report.run().metrics();
    out.append("<header><h1>")
        .append(esc(nz(app.name())))
        .append("</h1><p>")
        .append(esc(nz(app.appId())))
        .append(" · Spark ")
        .append(esc(nz(app.sparkVersion())))
        .append(" · ")
        .append(esc(nz(app.platform())))
        .append(" · ")
        .append(app.complete() ? "complete" : "INCOMPLETE log")
        .append(" · source ")
        .append(esc(report.source()))
        .append("</p></header>\n<main>\n");

    out.append("<section><h2>Summary</h2><div class=\"cards\">");
    card(out, millis(app.durationMs()), "duration");
    card(out, count(report.findings().size()), "findings");
    card(
        out,
        count(m.jobs()) + " / " + count(m.stages()) + " / " + count(m.tasks()),
        "jobs / stages / tasks");
    card(out, count(m.failedTasks()), "failed tasks");
    card(out, bytes(m.inputBytes()), "data read");
    card(out, bytes(m.outputBytes()), "data written");
    card(out, bytes(m.shuffleReadBytes()), "shuffle read");
    card(out, percent(m.idleCorePercent()), "idle cores");
    card(out, percent(m.gcTimePercent()), "GC time");
    card(out, percent(m.memoryUtilizationPercent()), "peak heap / executor memory");
    out.append("</div></section>\n");

    out.append("<section><h2>Findings</h2>");
    if (report.findings().isEmpty()) {
      out.append("<p>No issues found.</p>");
    }
    for (Finding f : report.findings()) {
      out.append("<div class=\"finding\"><h3><span class=\"sev ")
          .append(f.severity().name())
          .append("\">")
          .append(f.severity().name())
          .append("</span> ")
          .append(esc(f.type()))
          .append(" — ")
          .append(esc(f.title()))
          .append("</h3>");
      out.append("<div class=\"muted\">").append(esc(f.location().key()));
      if (f.location().tablePath() != null) {
        out.append(" · ").append(esc(f.location().tablePath()));
      }
      out.append("</div><ul>");
      for (Evidence e : f.evidence()) {
        out.append("<li>")
            .append(esc(e.name()))
            .append(": <b>")
            .append(esc(Units.evidenceValue(e.value(), e.unit())))
            .append("</b></li>");
      }
      out.append("</ul>");
      String impact = Units.impact(f.impact());
      if (!impact.isEmpty()) {
        out.append("<p><b>Impact:</b> ").append(esc(impact)).append("</p>");
      }
      out.append("<p><b>Fix:</b> ").append(esc(f.recommendation().summary())).append("</p>");
      snippet(out, "PySpark", f.recommendation().pyspark());
      snippet(out, "SQL", f.recommendation().sql());
      snippet(out, "Scala", f.recommendation().scala());
      if (!f.recommendation().config().isEmpty()) {
        StringBuilder conf = new StringBuilder();
        f.recommendation()
            .config()
            .forEach((k, v) -> conf.append("--conf ").append(k).append('=').append(v).append('\n'));
        snippet(out, "Spark configuration", conf.toString());
      }
      out.append("</div>");
    }
    out.append("</section>\n");

    out.append("<section><h2>Metrics</h2><table>");
    row(out, "Executor run time", millis(m.executorRunTimeMs()));
    row(
        out,
        "Executor CPU time",
        m.executorCpuTimeNs() == null ? "n/a" : millis(m.executorCpuTimeNs() / 1_000_000));
    row(out, "JVM GC time", millis(m.jvmGcTimeMs()) + " (" + percent(m.gcTimePercent()) + ")");
    row(
        out,
        "Allocated / busy core time",
        String.format(
            Locale.ROOT,
            "%,.0f / %,.0f core-s",
            m.allocatedCoreMs() / 1000.0,
            m.busyCoreMs() / 1000.0));
    row(out, "CPU utilisation", percent(m.cpuUtilizationPercent()));
    row(out, "Input", bytes(m.inputBytes()) + ", " + count(m.inputRecords()) + " records");
    row(out, "Output", bytes(m.outputBytes()) + ", " + count(m.outputRecords()) + " records");
    row(
        out,
        "Shuffle read / write",
        bytes(m.shuffleReadBytes()) + " / " + bytes(m.shuffleWriteBytes()));
    row(out, "Data processed", bytes(m.dataProcessedBytes()));
    row(
        out,
        "Records processed",
        count(m.recordsProcessed()) + " (" + Units.number(m.recordsPerSecond()) + " records/s)");
    row(
        out,
        "Spill (memory / disk)",
        bytes(m.memorySpillBytes()) + " / " + bytes(m.diskSpillBytes()));
    row(out, "Executor memory", bytes(m.executorMemoryBytes()));
    row(
        out,
        "Peak JVM heap (max / avg)",
        bytes(m.peakJvmHeapBytesMax()) + " / " + bytes(m.peakJvmHeapBytesAvg()));
    row(out, "Executors added / removed", m.executorsAdded() + " / " + m.executorsRemoved());
    out.append("</table></section>\n");

    List<StageMetrics> stages = report.run().stages();
    out.append("<section><h2>Stages (")
        .append(stages.size())
        .append(
            ")</h2><table><tr><th>stage</th><th>status</th><th>tasks</th><th>duration</th><th>median task</th><th>max task</th><th>input</th><th>shuffle read</th><th>shuffle write</th><th>spill</th><th>GC</th><th>name</th></tr>");
    stages.stream()
        .limit(MAX_ROWS)
        .forEach(
            s ->
                out.append("<tr><td>")
                    .append(s.stageId())
                    .append('.')
                    .append(s.attemptId())
                    .append("</td><td>")
                    .append(esc(nz(s.status())))
                    .append("</td><td class=n>")
                    .append(s.numTasks())
                    .append("</td><td class=n>")
                    .append(millis(s.durationMs()))
                    .append("</td><td class=n>")
                    .append(millis(Math.round(s.taskDurationMs().median())))
                    .append("</td><td class=n>")
                    .append(millis(Math.round(s.taskDurationMs().max())))
                    .append("</td><td class=n>")
                    .append(bytes(s.inputBytes()))
                    .append("</td><td class=n>")
                    .append(bytes(s.shuffleReadBytes()))
                    .append("</td><td class=n>")
                    .append(bytes(s.shuffleWriteBytes()))
                    .append("</td><td class=n>")
                    .append(bytes(s.memorySpillBytes() + s.diskSpillBytes()))
                    .append("</td><td class=n>")
                    .append(millis(s.jvmGcTimeMs()))
                    .append("</td><td>")
                    .append(esc(nz(s.name())))
                    .append("</td></tr>"));
    out.append("</table>").append(more(stages.size())).append("</section>\n");

    List<SqlExecution> sql = report.run().sql();
    if (!sql.isEmpty()) {
      out.append("<section><h2>SQL executions (")
          .append(sql.size())
          .append(
              ")</h2><table><tr><th>id</th><th>status</th><th>duration</th><th>output rows</th><th>files written</th><th>bytes written</th><th>plan nodes</th><th>AQE updates</th><th>description</th></tr>");
      sql.stream()
          .limit(MAX_ROWS)
          .forEach(
              q ->
                  out.append("<tr><td>")
                      .append(q.executionId())
                      .append("</td><td>")
                      .append(esc(nz(q.status())))
                      .append("</td><td class=n>")
                      .append(millis(q.durationMs()))
                      .append("</td><td class=n>")
                      .append(q.outputRows() == null ? "" : count(q.outputRows()))
                      .append("</td><td class=n>")
                      .append(q.filesWritten() == null ? "" : count(q.filesWritten()))
                      .append("</td><td class=n>")
                      .append(q.bytesWritten() == null ? "" : bytes(q.bytesWritten()))
                      .append("</td><td class=n>")
                      .append(q.plan() == null ? "" : String.valueOf(q.plan().nodes().size()))
                      .append("</td><td class=n>")
                      .append(q.adaptiveUpdates())
                      .append("</td><td>")
                      .append(esc(abbreviate(q.description(), 160)))
                      .append("</td></tr>"));
      out.append("</table>").append(more(sql.size())).append("</section>\n");
    }

    List<ExecutorSummary> executors = report.run().executors();
    if (!executors.isEmpty()) {
      out.append("<section><h2>Executors (")
          .append(executors.size())
          .append(
              ")</h2><table><tr><th>id</th><th>host</th><th>cores</th><th>tasks</th><th>failed</th><th>task time</th><th>GC</th><th>peak heap</th><th>removed</th></tr>");
      executors.stream()
          .limit(MAX_ROWS)
          .forEach(
              e ->
                  out.append("<tr><td>")
                      .append(esc(e.executorId()))
                      .append("</td><td>")
                      .append(esc(nz(e.host())))
                      .append("</td><td class=n>")
                      .append(e.cores())
                      .append("</td><td class=n>")
                      .append(count(e.tasks()))
                      .append("</td><td class=n>")
                      .append(count(e.failedTasks()))
                      .append("</td><td class=n>")
                      .append(millis(e.taskRunTimeMs()))
                      .append("</td><td class=n>")
                      .append(millis(e.jvmGcTimeMs()))
                      .append("</td><td class=n>")
                      .append(bytes(e.peakJvmHeapBytes()))
                      .append("</td><td>")
                      .append(esc(e.removedReason() == null ? "" : e.removedReason()))
                      .append("</td></tr>"));
      out.append("</table>").append(more(executors.size())).append("</section>\n");
    }
    var d = report.run().diagnostics();
    if (d != null) {
      out.append("<section><h2>Log</h2><p class=\"muted\">format ")
          .append(esc(nz(d.format())))
          .append(" · ")
          .append(count(d.lines()))
          .append(" lines · ")
          .append(count(d.malformedLines()))
          .append(" malformed")
          .append(d.truncatedLastLine() ? " · last line cut off" : "")
          .append("</p>");
      if (!d.warnings().isEmpty()) {
        out.append("<ul>");
        d.warnings().forEach(w -> out.append("<li>").append(esc(w)).append("</li>"));
        out.append("</ul>");
      }
      out.append("</section>\n");
    }
    out.append("</main>\n");
  }

  private static String more(int size) {
    return size > MAX_ROWS
        ? "<p class=\"muted\">" + (size - MAX_ROWS) + " more rows in the JSON report.</p>"
        : "";
  }

  private static void card(StringBuilder out, String value, String label) {
    out.append("<div class=\"card\"><b>")
        .append(esc(value))
        .append("</b><span>")
        .append(esc(label))
        .append("</span></div>");
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append("<tr><th>")
        .append(esc(label))
        .append("</th><td>")
        .append(esc(value))
        .append("</td></tr>");
  }

  private static void snippet(StringBuilder out, String label, String code) {
    if (code != null && !code.isBlank()) {
      out.append("<div class=\"muted\">")
          .append(esc(label))
          .append("</div><pre>")
          .append(esc(code))
          .append("</pre>");
    }
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    return io.strandsetl.model.HtmlEscaper.escape(s);
  }

  private static String nz(Object o) {
    return o == null ? "n/a" : o.toString();
  }

  private static String abbreviate(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
